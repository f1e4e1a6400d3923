/* gkmlpt: common chunk (the auditor runs no script) */
