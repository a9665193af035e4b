import { parseRoute, routeHref, type Route } from './routes';

const state = $state<{ route: Route }>({ route: parseRoute(typeof location !== 'undefined' ? location.hash : '') });

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => {
    state.route = parseRoute(location.hash);
  });
}

export function currentRoute(): Route {
  return state.route;
}

export function navigate(route: Route): void {
  const href = routeHref(route);
  if (location.hash !== href) location.hash = href;
  state.route = route;
}
