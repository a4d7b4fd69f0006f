package org.atalaya.telephony.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.atalaya.telephony.CallerLocation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads the caller's location from a PIDF-LO document (RFC 4119, with the shapes of RFC 5491 and the civic address of
 * RFC 5139). Whatever the document holds, the answer is a {@link LocationReading}: nothing is thrown. The parser
 * refuses document type declarations, so no entity of the caller's can be expanded or fetched.
 */
final class PidfLoParser {

    static final int MAX_DOCUMENT_BYTES = 64 * 1024;

    static final String PIDF = "urn:ietf:params:xml:ns:pidf";
    static final String GEOPRIV = "urn:ietf:params:xml:ns:pidf:geopriv10";
    static final String CIVIC = "urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr";
    static final String GML = "http://www.opengis.net/gml";
    static final String SHAPES = "http://www.opengis.net/pidflo/1.0";

    private static final ErrorHandler QUIET = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private PidfLoParser() {
    }

    static LocationReading parse(byte[] document) {
        if (document == null || document.length == 0) return LocationReading.problem("the location document is empty");
        if (document.length > MAX_DOCUMENT_BYTES) {
            return LocationReading.problem("the location document is too large (" + document.length + " bytes, at most "
                    + MAX_DOCUMENT_BYTES + ")");
        }
        Document parsed;
        try {
            parsed = newBuilder().parse(new ByteArrayInputStream(document));
        } catch (SAXException | IOException e) {
            return LocationReading.problem(isDoctype(e)
                    ? "the location document declares a document type, which is refused"
                    : "the location document is not well-formed XML");
        } catch (RuntimeException e) {
            return LocationReading.problem("the location document could not be read");
        }
        return read(parsed.getDocumentElement());
    }

    private static LocationReading read(Element root) {
        if (!PIDF.equals(root.getNamespaceURI()) || !"presence".equals(root.getLocalName())) {
            return LocationReading.problem("the location document is not PIDF-LO (no pidf presence element)");
        }
        NodeList locationInfos = root.getElementsByTagNameNS(GEOPRIV, "location-info");
        if (locationInfos.getLength() == 0) return LocationReading.problem("the location document holds no location");
        LocationShapes.Outcome point = null;
        String shapeProblem = null;
        String civic = null;
        for (int i = 0; i < locationInfos.getLength(); i++) {
            for (Node child = locationInfos.item(i).getFirstChild(); child != null; child = child.getNextSibling()) {
                if (!(child instanceof Element element)) continue;
                String namespace = element.getNamespaceURI();
                if (CIVIC.equals(namespace) && "civicAddress".equals(element.getLocalName())) {
                    if (civic == null) civic = CivicAddressLine.of(element);
                } else if (GML.equals(namespace) || SHAPES.equals(namespace)) {
                    if (point != null) continue;
                    LocationShapes.Outcome outcome = LocationShapes.read(element);
                    if (outcome.problem() == null) point = outcome;
                    else if (shapeProblem == null) shapeProblem = outcome.problem();
                }
            }
        }
        if (point == null && civic == null) {
            return LocationReading.problem(shapeProblem != null ? shapeProblem
                    : "the location document holds no shape or civic address");
        }
        return point == null
                ? LocationReading.of(new CallerLocation(null, null, null, civic))
                : LocationReading.of(new CallerLocation(point.latitude(), point.longitude(), point.radiusMetres(), civic));
    }

    private static boolean isDoctype(Exception e) {
        String message = e.getMessage();
        return message != null && message.contains("DOCTYPE");
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(QUIET);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be made safe", e);
        }
    }
}
