/** The bench worker's bundle: every production workflow plus the bare baseline, on one worker. */
export * from '../../workflows';
export { benchFanOutBaseline, benchNoopChild, benchUpdateTarget } from './baseline.workflow';
