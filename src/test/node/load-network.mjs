// Loads a network view into Cytoscape.js (headless) and graphology, as a front-end would, and
// prints what each library made of it. Either library throws on elements it cannot take
// (an edge to a missing node, a key twice), and then this script exits non-zero.
//   node load-network.mjs CYTOSCAPE_ELEMENTS.json GRAPHOLOGY.json NODE_ID
import fs from 'node:fs';
import cytoscape from 'cytoscape';
import Graph from 'graphology';

const [cytoscapeFile, graphologyFile, nodeId] = process.argv.slice(2);
// The view's `cytoscape` field is the elements; the export file wraps them as Cytoscape's JSON does.
const parsed = JSON.parse(fs.readFileSync(cytoscapeFile, 'utf8'));
const cy = cytoscape({ headless: true, elements: parsed.elements ?? parsed });
const graph = Graph.from(JSON.parse(fs.readFileSync(graphologyFile, 'utf8')));
console.log(JSON.stringify({
  cytoscape: { nodes: cy.nodes().length, edges: cy.edges().length, degree: cy.getElementById(nodeId).degree(false) },
  graphology: { nodes: graph.order, edges: graph.size, type: graph.type, multi: graph.multi, degree: graph.degree(nodeId) },
}));
