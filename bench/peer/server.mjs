// The peer of bench/peer.sh: the Neo4j GraphQL Library (@neo4j/graphql 7) on Apollo Server, over
// the hub's own database (its embedded Neo4j, by Bolt on loopback).
//   node server.mjs <bolt url> <http port>
// The type definitions below describe the part of the hub's graph that the four compared queries
// read, as a team starting from the library would write them: nodes and relationships as stored,
// and for collaborations the hub's stored pairs (:Collaboration) with their rank property for the
// whole state, so the library can read the strongest pairs in index order as the hub does.
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';

const [bolt, port] = process.argv.slice(2);
if (!bolt || !port) {
  console.error('usage: node server.mjs <bolt url> <http port>');
  process.exit(2);
}

const typeDefs = /* GraphQL */ `
  type Organisation @node {
    key: String!
    slug: String!
    name: String!
    sortName: String!
    memberOf: [Organisation!]! @relationship(type: "MEMBER_OF", direction: OUT)
    participations: [Context!]! @relationship(type: "PARTICIPATES_IN", direction: OUT)
  }

  "What an organisation takes part in: a project or an event."
  interface Context {
    key: String!
    sortName: String!
  }

  type Project implements Context @node {
    key: String!
    sortName: String!
    name: String!
  }

  type Event implements Context @node {
    key: String!
    sortName: String!
    name: String!
  }

  type Region @node {
    key: String!
    partners: [Organisation!]! @relationship(type: "PARTNER_IN", direction: IN)
  }

  "A stored pair of collaborating organisations (a before b by seed key), one link per entry of links."
  type Collaboration @node {
    pairKey: String!
    "The pair's rank in the state: strongest first, then by pair key (absent where it has fewer than two links)."
    rankNrw: String @alias(property: "rank:nrw")
    weight: Int! @cypher(statement: "RETURN size(this.links) AS weight", columnName: "weight")
    organisationA: Organisation! @cypher(statement: "MATCH (o:Organisation {key: this.a}) RETURN o", columnName: "o")
    organisationB: Organisation! @cypher(statement: "MATCH (o:Organisation {key: this.b}) RETURN o", columnName: "o")
  }
`;

// No authentication on the embedded database: it listens on loopback only.
const driver = neo4j.driver(bolt, neo4j.auth.none());
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const server = new ApolloServer({ schema });
const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: Number(port) } });
console.log(`peer ready at ${url}`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await server.stop();
    await driver.close();
    process.exit(0);
  });
}
