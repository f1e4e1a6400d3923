/* jQuery (not bundled with the sample site: the auditor runs no script) */
