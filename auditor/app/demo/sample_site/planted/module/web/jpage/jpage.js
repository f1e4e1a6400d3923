/* Hanweb jpage pager: draws the list from the datastore island, fetches further groups from dataproxy.jsp */
