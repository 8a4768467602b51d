/**
 * Read-your-writes across hub instances: the Neo4j bookmarks of a request's transactions go back to
 * the client, and a client that sends them with its next request has that request's transactions
 * wait until the database has the client's writes, whichever instance or cluster member serves it.
 */
package org.partnernetz.bookmark;
