/* gkmlpt: renders the directory from /gkmlpt/api/all/{classify}?page=N&sid=_CONFIG.SID */
