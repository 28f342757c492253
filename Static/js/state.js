// Everything the page remembers, in one place. Tokens live only here, in
// memory: a reload forgets them (the sid cookie, kept by the browser, does not).

export const state = {
  // `forgotten`: the page thought it was signed in, and the server answered 401 no_session.
  session: { user: null, forgotten: false, exchanges: [], step: null },
  // `notice`: what to know about the token held now (logged out, family revoked…).
  token: { access: null, refresh: null, previousRefresh: null, refreshPrefix: null, notice: null, exchanges: [], step: null },
  admin: { access: null },
  shared: [],
  inspect: null,
};
