package org.partnernetz.network;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.partnernetz.graph.PartialDate;

/**
 * A network as GraphML 1.0 (yEd, Cytoscape, NetworkX, Gephi) and as dynamic GEXF 1.3 (Gephi's
 * timeline: each node and edge with the days it starts and ends), written element by element with
 * the JDK's StAX writer, so nothing but the current node or edge is held.
 */
final class XmlNetworkWriters {

    private XmlNetworkWriters() {
    }

    /** The attributes both formats give a node, in order, with their XML Schema-like type. */
    private static final Map<String, String> NODE_ATTRIBUTES = attributes("name", "string", "kind", "string",
            "subkind", "string", "region", "string", "degree", "int", "start", "string", "end", "string",
            "latitude", "double", "longitude", "double");

    /** The attributes both formats give an edge, in order. */
    private static final Map<String, String> EDGE_ATTRIBUTES = attributes("type", "string", "role", "string",
            "since", "string", "until", "string", "basis", "string", "sources", "string");

    private static Map<String, String> attributes(String... namesAndTypes) {
        var attributes = new LinkedHashMap<String, String>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            attributes.put(namesAndTypes[i], namesAndTypes[i + 1]);
        }
        return attributes;
    }

    private static Map<String, Object> values(NetworkView.Node node) {
        var values = new LinkedHashMap<String, Object>();
        values.put("name", node.name());
        values.put("kind", node.kind());
        values.put("subkind", node.subkind());
        values.put("region", node.region());
        values.put("degree", node.degree());
        values.put("start", node.start());
        values.put("end", node.end());
        values.put("latitude", node.coordinates() == null ? null : node.coordinates().latitude());
        values.put("longitude", node.coordinates() == null ? null : node.coordinates().longitude());
        return values;
    }

    private static Map<String, Object> values(NetworkView.Edge edge) {
        var values = new LinkedHashMap<String, Object>();
        values.put("type", edge.type());
        values.put("role", edge.role());
        values.put("since", edge.since());
        values.put("until", edge.until());
        values.put("basis", edge.basis());
        values.put("sources", String.join(";", edge.sources()));
        return values;
    }

    /** The StAX writer both formats share, with checked exceptions turned into {@link IOException}s. */
    private abstract static class Xml implements NetworkWriter {
        final XMLStreamWriter xml;
        private boolean inEdges;

        Xml(OutputStream out) throws IOException {
            try {
                xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                xml.writeStartDocument("UTF-8", "1.0");
            } catch (XMLStreamException e) {
                throw new IOException("cannot start the XML", e);
            }
        }

        @Override
        public final void node(NetworkView.Node node) throws IOException {
            try {
                writeNode(node);
            } catch (XMLStreamException e) {
                throw new IOException("cannot write a node", e);
            }
        }

        @Override
        public final void edge(NetworkView.Edge edge) throws IOException {
            try {
                if (!inEdges) {
                    inEdges = true;
                    startEdges();
                }
                writeEdge(edge);
            } catch (XMLStreamException e) {
                throw new IOException("cannot write an edge", e);
            }
        }

        @Override
        public final void finish() throws IOException {
            try {
                if (!inEdges) {
                    inEdges = true;
                    startEdges();
                }
                end();
                xml.writeEndDocument();
                xml.flush();
            } catch (XMLStreamException e) {
                throw new IOException("cannot finish the XML", e);
            }
        }

        abstract void writeNode(NetworkView.Node node) throws XMLStreamException;

        /** Between the last node and the first edge (also when there are no edges). */
        abstract void startEdges() throws XMLStreamException;

        abstract void writeEdge(NetworkView.Edge edge) throws XMLStreamException;

        abstract void end() throws XMLStreamException;
    }

    /** GraphML: a key per attribute, then one directed graph; node and edge ids are the API's. */
    static final class Graphml extends Xml {
        private static final String NS = "http://graphml.graphdrawing.org/xmlns";

        Graphml(OutputStream out, String title) throws IOException {
            super(out);
            try {
                xml.setDefaultNamespace(NS);
                xml.writeStartElement(NS, "graphml");
                xml.writeDefaultNamespace(NS);
                key("n_label", "node", "label", "string");
                for (var attribute : NODE_ATTRIBUTES.entrySet()) {
                    key("n_" + attribute.getKey(), "node", attribute.getKey(), attribute.getValue());
                }
                for (var attribute : EDGE_ATTRIBUTES.entrySet()) {
                    key("e_" + attribute.getKey(), "edge", attribute.getKey(), attribute.getValue());
                }
                key("e_weight", "edge", "weight", "double");
                key("e_id", "edge", "id", "string");
                xml.writeStartElement(NS, "graph");
                xml.writeAttribute("id", title.replaceAll("[^A-Za-z0-9_.-]+", "-"));
                xml.writeAttribute("edgedefault", "directed");
            } catch (XMLStreamException e) {
                throw new IOException("cannot start the GraphML", e);
            }
        }

        private void key(String id, String owner, String name, String type) throws XMLStreamException {
            xml.writeEmptyElement(NS, "key");
            xml.writeAttribute("id", id);
            xml.writeAttribute("for", owner);
            xml.writeAttribute("attr.name", name);
            xml.writeAttribute("attr.type", type);
        }

        private void data(String key, Object value) throws XMLStreamException {
            if (value != null) {
                xml.writeStartElement(NS, "data");
                xml.writeAttribute("key", key);
                xml.writeCharacters(value.toString());
                xml.writeEndElement();
            }
        }

        @Override
        void writeNode(NetworkView.Node node) throws XMLStreamException {
            xml.writeStartElement(NS, "node");
            xml.writeAttribute("id", node.id());
            data("n_label", node.label());
            for (var value : values(node).entrySet()) {
                data("n_" + value.getKey(), value.getValue());
            }
            xml.writeEndElement();
        }

        @Override
        void startEdges() {
            // GraphML mixes nodes and edges freely.
        }

        @Override
        void writeEdge(NetworkView.Edge edge) throws XMLStreamException {
            // GraphML's ids are XML name tokens, which the API's relationship ids (TYPE|from|to) are
            // not: the id travels as data.
            xml.writeStartElement(NS, "edge");
            xml.writeAttribute("source", edge.source());
            xml.writeAttribute("target", edge.target());
            data("e_id", edge.id());
            for (var value : values(edge).entrySet()) {
                data("e_" + value.getKey(), value.getValue());
            }
            data("e_weight", edge.weight());
            xml.writeEndElement();
        }

        @Override
        void end() throws XMLStreamException {
            xml.writeEndElement(); // graph
            xml.writeEndElement(); // graphml
        }
    }

    /**
     * GEXF 1.3, dynamic: a node's {@code start}/{@code end} are its first and last day (of a partial
     * date: the first day of its first month or year, the last of its last), an edge's those of its
     * {@code since}/{@code until}; open or unknown ends are left out, which Gephi reads as open.
     */
    static final class Gexf extends Xml {
        private static final String NS = "http://gexf.net/1.3";

        Gexf(OutputStream out, String title) throws IOException {
            super(out);
            try {
                xml.setDefaultNamespace(NS);
                xml.writeStartElement(NS, "gexf");
                xml.writeDefaultNamespace(NS);
                xml.writeAttribute("version", "1.3");
                xml.writeStartElement(NS, "meta");
                xml.writeStartElement(NS, "creator");
                xml.writeCharacters("partnernetz");
                xml.writeEndElement();
                xml.writeStartElement(NS, "description");
                xml.writeCharacters(title);
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeStartElement(NS, "graph");
                xml.writeAttribute("mode", "dynamic");
                xml.writeAttribute("defaultedgetype", "directed");
                xml.writeAttribute("timeformat", "date");
                declare("node", NODE_ATTRIBUTES);
                declare("edge", EDGE_ATTRIBUTES);
                xml.writeStartElement(NS, "nodes");
            } catch (XMLStreamException e) {
                throw new IOException("cannot start the GEXF", e);
            }
        }

        private void declare(String owner, Map<String, String> attributes) throws XMLStreamException {
            xml.writeStartElement(NS, "attributes");
            xml.writeAttribute("class", owner);
            xml.writeAttribute("mode", "static");
            for (var attribute : attributes.entrySet()) {
                xml.writeEmptyElement(NS, "attribute");
                xml.writeAttribute("id", attribute.getKey());
                xml.writeAttribute("title", attribute.getKey());
                xml.writeAttribute("type", "int".equals(attribute.getValue()) ? "integer" : attribute.getValue());
            }
            xml.writeEndElement();
        }

        private void attvalues(Map<String, Object> values) throws XMLStreamException {
            xml.writeStartElement(NS, "attvalues");
            for (var value : values.entrySet()) {
                if (value.getValue() != null) {
                    xml.writeEmptyElement(NS, "attvalue");
                    xml.writeAttribute("for", value.getKey());
                    xml.writeAttribute("value", value.getValue().toString());
                }
            }
            xml.writeEndElement();
        }

        private void time(String start, String end) throws XMLStreamException {
            var first = day(start);
            var last = day(end);
            if (first != null) {
                xml.writeAttribute("start", first.first().toString());
            }
            if (last != null) {
                xml.writeAttribute("end", last.last().toString());
            }
        }

        /** A partial date; one the data holds in another form is left out rather than failing the export. */
        private static PartialDate day(String text) {
            try {
                return PartialDate.parseNullable(text);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        @Override
        void writeNode(NetworkView.Node node) throws XMLStreamException {
            xml.writeStartElement(NS, "node");
            xml.writeAttribute("id", node.id());
            xml.writeAttribute("label", node.label());
            time(node.start(), node.end());
            attvalues(values(node));
            xml.writeEndElement();
        }

        @Override
        void startEdges() throws XMLStreamException {
            xml.writeEndElement(); // nodes
            xml.writeStartElement(NS, "edges");
        }

        @Override
        void writeEdge(NetworkView.Edge edge) throws XMLStreamException {
            xml.writeStartElement(NS, "edge");
            xml.writeAttribute("id", edge.id());
            xml.writeAttribute("source", edge.source());
            xml.writeAttribute("target", edge.target());
            xml.writeAttribute("kind", edge.type());
            xml.writeAttribute("weight", Double.toString(edge.weight()));
            time(edge.since(), edge.until());
            attvalues(values(edge));
            xml.writeEndElement();
        }

        @Override
        void end() throws XMLStreamException {
            xml.writeEndElement(); // edges
            xml.writeEndElement(); // graph
            xml.writeEndElement(); // gexf
        }
    }
}
