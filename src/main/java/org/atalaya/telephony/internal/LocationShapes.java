package org.atalaya.telephony.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reduces an RFC 5491 shape to a point and, where the shape has an extent, the radius of a circle around that point
 * which holds the whole shape. Coordinates are WGS 84 in the order of EPSG 4326 and 4979: latitude, then longitude.
 */
final class LocationShapes {

    /** Either a point (with a radius or not) or a problem. */
    record Outcome(Double latitude, Double longitude, Double radiusMetres, String problem) {

        static Outcome point(double latitude, double longitude, Double radiusMetres) {
            return new Outcome(latitude, longitude, radiusMetres, null);
        }

        static Outcome problem(String problem) {
            return new Outcome(null, null, null, problem);
        }
    }

    private static final String METRES = "urn:ogc:def:uom:EPSG::9001";
    private static final Pattern WGS84 = Pattern.compile("(?i).*EPSG(?:::|:|/0/|/)(4326|4979)");
    private static final double EARTH_RADIUS_METRES = 6_371_008.8;
    private static final double LARGEST_RADIUS_METRES = 20_000_000;

    private LocationShapes() {
    }

    static Outcome read(Element shape) {
        String name = shape.getLocalName();
        String crs = shape.getAttribute("srsName");
        if (!crs.isBlank() && !WGS84.matcher(crs.trim()).matches()) {
            return Outcome.problem("unsupported coordinate reference system " + shortened(crs));
        }
        try {
            return switch (name) {
                case "Point" -> withRadius(shape, null);
                case "Circle", "Sphere" -> withRadius(shape, "radius");
                case "Ellipse", "Ellipsoid" -> withRadius(shape, "semiMajorAxis");
                case "ArcBand" -> withRadius(shape, "outerRadius");
                case "Polygon" -> polygon(shape);
                case "Prism" -> prism(shape);
                default -> Outcome.problem("unsupported shape " + shortened(name));
            };
        } catch (ShapeException e) {
            return Outcome.problem(e.getMessage() + " in the " + name);
        }
    }

    private static Outcome withRadius(Element shape, String radiusElement) {
        double[] centre = position(child(shape, PidfLoParser.GML, "pos"));
        if (radiusElement == null) return Outcome.point(centre[0], centre[1], null);
        return Outcome.point(centre[0], centre[1], metres(child(shape, PidfLoParser.SHAPES, radiusElement)));
    }

    private static Outcome prism(Element prism) {
        Element base = child(prism, PidfLoParser.SHAPES, "base");
        return polygon(child(base, PidfLoParser.GML, "Polygon"));
    }

    private static Outcome polygon(Element polygon) {
        Element exterior = child(polygon, PidfLoParser.GML, "exterior");
        Element ring = child(exterior, PidfLoParser.GML, "LinearRing");
        List<double[]> vertices = vertices(ring, polygon.getAttribute("srsName").endsWith("4979") ? 3 : 2);
        if (vertices.size() > 1 && sameSpot(vertices.getFirst(), vertices.getLast())) vertices.removeLast();
        if (vertices.size() < 3) throw new ShapeException("fewer than three corners");
        double latitude = 0;
        double longitude = 0;
        for (double[] vertex : vertices) {
            latitude += vertex[0];
            longitude += vertex[1];
        }
        latitude /= vertices.size();
        longitude /= vertices.size();
        double radius = 0;
        for (double[] vertex : vertices) {
            radius = Math.max(radius, distanceMetres(latitude, longitude, vertex[0], vertex[1]));
        }
        return Outcome.point(latitude, longitude, (double) Math.ceil(radius));
    }

    private static List<double[]> vertices(Element ring, int dimension) {
        List<double[]> vertices = new ArrayList<>();
        Element posList = optionalChild(ring, PidfLoParser.GML, "posList");
        if (posList != null) {
            String[] numbers = posList.getTextContent().trim().split("\\s+");
            if (numbers.length % dimension != 0) throw new ShapeException("an incomplete list of corners");
            for (int i = 0; i < numbers.length; i += dimension) {
                vertices.add(coordinates(numbers[i], numbers[i + 1]));
            }
            return vertices;
        }
        for (Node node = ring.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && PidfLoParser.GML.equals(element.getNamespaceURI())
                    && "pos".equals(element.getLocalName())) {
                vertices.add(position(element));
            }
        }
        return vertices;
    }

    private static double[] position(Element pos) {
        String[] numbers = pos.getTextContent().trim().split("\\s+");
        if (numbers.length < 2 || numbers.length > 3) {
            throw new ShapeException("a position that is not \"latitude longitude\"");
        }
        return coordinates(numbers[0], numbers[1]);
    }

    private static double[] coordinates(String latitudeText, String longitudeText) {
        double latitude = number(latitudeText);
        double longitude = number(longitudeText);
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
            throw new ShapeException("coordinates out of range (latitude " + latitudeText + ", longitude "
                    + longitudeText + "; latitude comes first)");
        }
        return new double[] {latitude, longitude};
    }

    private static double metres(Element distance) {
        String unit = distance.getAttribute("uom").trim();
        if (!unit.isEmpty() && !unit.equals(METRES)) {
            throw new ShapeException("a distance in an unsupported unit " + shortened(unit));
        }
        double metres = number(distance.getTextContent().trim());
        if (metres < 0 || metres > LARGEST_RADIUS_METRES) throw new ShapeException("an impossible distance");
        return metres;
    }

    private static double number(String text) {
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value) && text.length() <= 40) return value;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ShapeException("a number that is not a number (" + shortened(text) + ")");
    }

    private static boolean sameSpot(double[] a, double[] b) {
        return a[0] == b[0] && a[1] == b[1];
    }

    /** Great-circle distance (haversine); plenty for the size of a location's uncertainty. */
    static double distanceMetres(double latitudeA, double longitudeA, double latitudeB, double longitudeB) {
        double dLatitude = Math.toRadians(latitudeB - latitudeA);
        double dLongitude = Math.toRadians(longitudeB - longitudeA);
        double h = Math.pow(Math.sin(dLatitude / 2), 2) + Math.cos(Math.toRadians(latitudeA))
                * Math.cos(Math.toRadians(latitudeB)) * Math.pow(Math.sin(dLongitude / 2), 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private static Element child(Element parent, String namespace, String localName) {
        Element child = optionalChild(parent, namespace, localName);
        if (child == null) throw new ShapeException("no " + localName);
        return child;
    }

    private static Element optionalChild(Element parent, String namespace, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && namespace.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    private static String shortened(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 60) + "…";
    }

    private static final class ShapeException extends RuntimeException {
        ShapeException(String message) {
            super(message, null, false, false);
        }
    }
}
