/** A small history-API router: the portal has a handful of routes and no nesting. */
import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useState,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
} from 'react';

interface Router {
  path: string;
  search: URLSearchParams;
  navigate(to: string, options?: { replace?: boolean }): void;
}

const Context = createContext<Router | null>(null);

const here = () => `${location.pathname}${location.search}`;

export function RouterProvider({ children }: { children: ReactNode }) {
  const [url, setUrl] = useState(here);
  useEffect(() => {
    const onPop = () => setUrl(here());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const value = useMemo<Router>(() => {
    const [path, query = ''] = url.split('?');
    return {
      path,
      search: new URLSearchParams(query),
      navigate(to, options) {
        if (options?.replace) history.replaceState(null, '', to);
        else history.pushState(null, '', to);
        setUrl(here());
        window.scrollTo(0, 0);
      },
    };
  }, [url]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useRouter(): Router {
  const value = useContext(Context);
  if (!value) throw new Error('useRouter outside RouterProvider');
  return value;
}

/** `/cycles/:cycleId/items/:itemKey` against a path: the decoded parameters, or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const s = path.replace(/\/+$/, '').split('/');
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) params[p[i].slice(1)] = decodeURIComponent(s[i]);
    else if (p[i] !== s[i]) return null;
  }
  return params;
}

/** An ordinary link (keyboard, middle click, copy address all work) that navigates in place. */
export function Link({
  to,
  children,
  ...rest
}: { to: string; children: ReactNode } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const { navigate } = useRouter();
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
