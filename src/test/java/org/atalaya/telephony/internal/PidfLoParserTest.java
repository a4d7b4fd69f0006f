package org.atalaya.telephony.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PidfLoParserTest {

    private static final String OPEN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <presence xmlns="urn:ietf:params:xml:ns:pidf"
                      xmlns:gp="urn:ietf:params:xml:ns:pidf:geopriv10"
                      xmlns:gml="http://www.opengis.net/gml"
                      xmlns:gs="http://www.opengis.net/pidflo/1.0"
                      xmlns:ca="urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr"
                      xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model"
                      entity="pres:caller@example.com">
            """;

    private static LocationReading parse(String text) {
        return PidfLoParser.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A PIDF-LO with the location-info in a tuple, as RFC 4119 places it. */
    private static String inTuple(String locationInfo) {
        return OPEN + """
                  <tuple id="t1"><status><gp:geopriv>
                    <gp:location-info>%s</gp:location-info>
                    <gp:usage-rules/>
                  </gp:geopriv></status></tuple>
                </presence>
                """.formatted(locationInfo);
    }

    @Test
    void readsAPointWithLatitudeFirst() {
        LocationReading reading = parse(inTuple("""
                <gml:Point srsName="urn:ogc:def:crs:EPSG::4326"><gml:pos>-24.1858 -65.2995</gml:pos></gml:Point>
                """));

        assertThat(reading.problem()).isNull();
        assertThat(reading.location().latitude()).isEqualTo(-24.1858);
        assertThat(reading.location().longitude()).isEqualTo(-65.2995);
        assertThat(reading.location().radiusMetres()).isNull();
        assertThat(reading.location().civicAddress()).isNull();
    }

    @Test
    void readsACircleWithItsRadiusInMetres() {
        LocationReading reading = parse(inTuple("""
                <gs:Circle srsName="urn:ogc:def:crs:EPSG::4326">
                  <gml:pos>-24.19 -65.30</gml:pos>
                  <gs:radius uom="urn:ogc:def:uom:EPSG::9001">850</gs:radius>
                </gs:Circle>
                """));

        assertThat(reading.location().latitude()).isEqualTo(-24.19);
        assertThat(reading.location().longitude()).isEqualTo(-65.30);
        assertThat(reading.location().radiusMetres()).isEqualTo(850.0);
    }

    @Test
    void readsATheDevicesLocationInTheDataModelOfRfc5491() {
        LocationReading reading = parse(OPEN + """
                  <dm:device id="d1"><gp:geopriv><gp:location-info>
                    <gml:Point srsName="urn:ogc:def:crs:EPSG::4326"><gml:pos>-24.2 -65.3</gml:pos></gml:Point>
                  </gp:location-info></gp:geopriv><dm:deviceID>mac:00112233</dm:deviceID></dm:device>
                </presence>
                """);

        assertThat(reading.location().latitude()).isEqualTo(-24.2);
        assertThat(reading.location().longitude()).isEqualTo(-65.3);
    }

    @Test
    void writesACivicAddressAsOneReadableLine() {
        LocationReading reading = parse(inTuple("""
                <ca:civicAddress xml:lang="es-AR">
                  <ca:country>AR</ca:country>
                  <ca:A1>Jujuy</ca:A1>
                  <ca:A3>San Salvador de Jujuy</ca:A3>
                  <ca:RD>Belgrano</ca:RD>
                  <ca:HNO>450</ca:HNO>
                </ca:civicAddress>
                """));

        assertThat(reading.location().hasPoint()).isFalse();
        assertThat(reading.location().civicAddress()).isEqualTo("Belgrano 450, San Salvador de Jujuy, Jujuy");
    }

    @Test
    void aCivicAddressWithBuildingDetailsKeepsThemInOrder() {
        LocationReading reading = parse(inTuple("""
                <ca:civicAddress>
                  <ca:A1>Jujuy</ca:A1><ca:A2>Doctor Manuel Belgrano</ca:A2><ca:A3>San Salvador de Jujuy</ca:A3>
                  <ca:RD>Avenida Santibáñez</ca:RD><ca:HNO>1200</ca:HNO><ca:HNS>B</ca:HNS>
                  <ca:NAM>Escuela 12</ca:NAM><ca:FLR>2</ca:FLR><ca:PC>Y4600</ca:PC>
                </ca:civicAddress>
                """));

        assertThat(reading.location().civicAddress()).isEqualTo(
                "Escuela 12, Avenida Santibáñez 1200B, floor 2, Y4600 San Salvador de Jujuy, Doctor Manuel Belgrano, Jujuy");
    }

    @Test
    void aPointAndACivicAddressGoTogether() {
        LocationReading reading = parse(inTuple("""
                <gml:Point srsName="urn:ogc:def:crs:EPSG::4326"><gml:pos>-24.1 -65.2</gml:pos></gml:Point>
                <ca:civicAddress><ca:RD>Belgrano</ca:RD><ca:HNO>450</ca:HNO></ca:civicAddress>
                """));

        assertThat(reading.location().latitude()).isEqualTo(-24.1);
        assertThat(reading.location().civicAddress()).isEqualTo("Belgrano 450");
    }

    @Test
    void aPolygonBecomesItsCentreAndACircleHoldingEveryCorner() {
        LocationReading reading = parse(inTuple("""
                <gml:Polygon srsName="urn:ogc:def:crs:EPSG::4326"><gml:exterior><gml:LinearRing>
                  <gml:posList>-24.00 -65.00 -24.00 -65.01 -24.01 -65.01 -24.01 -65.00 -24.00 -65.00</gml:posList>
                </gml:LinearRing></gml:exterior></gml:Polygon>
                """));

        assertThat(reading.location().latitude()).isCloseTo(-24.005, within(1e-9));
        assertThat(reading.location().longitude()).isCloseTo(-65.005, within(1e-9));
        double toCorner = LocationShapes.distanceMetres(-24.005, -65.005, -24.00, -65.00);
        assertThat(reading.location().radiusMetres()).isBetween(toCorner, toCorner + 1);
        assertThat(toCorner).isBetween(700.0, 800.0);
    }

    @Test
    void aPolygonMayListItsCornersAsSeparatePositions() {
        LocationReading reading = parse(inTuple("""
                <gml:Polygon srsName="urn:ogc:def:crs:EPSG::4326"><gml:exterior><gml:LinearRing>
                  <gml:pos>10 20</gml:pos><gml:pos>10 21</gml:pos><gml:pos>11 21</gml:pos><gml:pos>10 20</gml:pos>
                </gml:LinearRing></gml:exterior></gml:Polygon>
                """));

        assertThat(reading.location().latitude()).isCloseTo(31.0 / 3, within(1e-9));
        assertThat(reading.location().longitude()).isCloseTo(62.0 / 3, within(1e-9));
    }

    @Test
    void aPolygonWithTwoCornersIsAProblem() {
        LocationReading reading = parse(inTuple("""
                <gml:Polygon srsName="urn:ogc:def:crs:EPSG::4326"><gml:exterior><gml:LinearRing>
                  <gml:posList>10 20 10 21 10 20</gml:posList>
                </gml:LinearRing></gml:exterior></gml:Polygon>
                """));

        assertThat(reading.location()).isNull();
        assertThat(reading.problem()).isEqualTo("fewer than three corners in the Polygon");
    }

    @Test
    void anEllipseBecomesACircleOfItsSemiMajorAxis() {
        LocationReading reading = parse(inTuple("""
                <gs:Ellipse srsName="urn:ogc:def:crs:EPSG::4326">
                  <gml:pos>-24.19 -65.30</gml:pos>
                  <gs:semiMajorAxis uom="urn:ogc:def:uom:EPSG::9001">1275</gs:semiMajorAxis>
                  <gs:semiMinorAxis uom="urn:ogc:def:uom:EPSG::9001">670</gs:semiMinorAxis>
                  <gs:orientation uom="urn:ogc:def:uom:EPSG::9102">43.2</gs:orientation>
                </gs:Ellipse>
                """));

        assertThat(reading.location().radiusMetres()).isEqualTo(1275.0);
        assertThat(reading.location().latitude()).isEqualTo(-24.19);
    }

    @Test
    void anArcBandBecomesACircleOfItsOuterRadius() {
        LocationReading reading = parse(inTuple("""
                <gs:ArcBand srsName="urn:ogc:def:crs:EPSG::4326">
                  <gml:pos>-24.19 -65.30</gml:pos>
                  <gs:innerRadius uom="urn:ogc:def:uom:EPSG::9001">1000</gs:innerRadius>
                  <gs:outerRadius uom="urn:ogc:def:uom:EPSG::9001">1800</gs:outerRadius>
                  <gs:startAngle uom="urn:ogc:def:uom:EPSG::9102">20</gs:startAngle>
                  <gs:openingAngle uom="urn:ogc:def:uom:EPSG::9102">40</gs:openingAngle>
                </gs:ArcBand>
                """));

        assertThat(reading.location().radiusMetres()).isEqualTo(1800.0);
    }

    @Test
    void anUnknownShapeIsNamedInTheProblem() {
        LocationReading reading = parse(inTuple("""
                <gml:LineString srsName="urn:ogc:def:crs:EPSG::4326"><gml:posList>1 2 3 4</gml:posList></gml:LineString>
                """));

        assertThat(reading.problem()).isEqualTo("unsupported shape LineString");
    }

    @Test
    void anUnsupportedShapeStillLeavesTheCivicAddress() {
        LocationReading reading = parse(inTuple("""
                <gml:LineString><gml:posList>1 2 3 4</gml:posList></gml:LineString>
                <ca:civicAddress><ca:RD>Belgrano</ca:RD><ca:HNO>450</ca:HNO></ca:civicAddress>
                """));

        assertThat(reading.location().hasPoint()).isFalse();
        assertThat(reading.location().civicAddress()).isEqualTo("Belgrano 450");
    }

    @Test
    void longitudeFirstIsCaughtWhenItCannotBeALatitude() {
        LocationReading reading = parse(inTuple("""
                <gml:Point srsName="urn:ogc:def:crs:EPSG::4326"><gml:pos>-120.5 35.2</gml:pos></gml:Point>
                """));

        assertThat(reading.location()).isNull();
        assertThat(reading.problem()).startsWith("coordinates out of range (latitude -120.5, longitude 35.2");
    }

    @Test
    void aLongitudeBeyond180IsOutOfRange() {
        LocationReading reading = parse(inTuple("""
                <gs:Circle srsName="urn:ogc:def:crs:EPSG::4326">
                  <gml:pos>-24.19 -265.30</gml:pos>
                  <gs:radius uom="urn:ogc:def:uom:EPSG::9001">10</gs:radius>
                </gs:Circle>
                """));

        assertThat(reading.problem()).startsWith("coordinates out of range");
    }

    @Test
    void aPointWithoutPositionIsAProblem() {
        LocationReading reading = parse(inTuple("""
                <gml:Point srsName="urn:ogc:def:crs:EPSG::4326"></gml:Point>
                """));

        assertThat(reading.problem()).isEqualTo("no pos in the Point");
    }

    @Test
    void aPositionThatIsNotNumbersIsAProblem() {
        LocationReading reading = parse(inTuple("""
                <gml:Point srsName="urn:ogc:def:crs:EPSG::4326"><gml:pos>north west</gml:pos></gml:Point>
                """));

        assertThat(reading.problem()).isEqualTo("a number that is not a number (north) in the Point");
    }

    @Test
    void notANumberIsNotACoordinate() {
        assertThat(parse(inTuple("""
                <gml:Point srsName="urn:ogc:def:crs:EPSG::4326"><gml:pos>NaN 12</gml:pos></gml:Point>
                """)).problem()).startsWith("a number that is not a number");
    }

    @Test
    void aRadiusInFeetIsRefused() {
        LocationReading reading = parse(inTuple("""
                <gs:Circle srsName="urn:ogc:def:crs:EPSG::4326">
                  <gml:pos>-24.19 -65.30</gml:pos>
                  <gs:radius uom="urn:ogc:def:uom:EPSG::9002">300</gs:radius>
                </gs:Circle>
                """));

        assertThat(reading.problem()).isEqualTo(
                "a distance in an unsupported unit urn:ogc:def:uom:EPSG::9002 in the Circle");
    }

    @Test
    void anotherCoordinateSystemIsRefused() {
        LocationReading reading = parse(inTuple("""
                <gml:Point srsName="urn:ogc:def:crs:EPSG::3857"><gml:pos>-2700000 -7270000</gml:pos></gml:Point>
                """));

        assertThat(reading.problem()).isEqualTo("unsupported coordinate reference system urn:ogc:def:crs:EPSG::3857");
    }

    @Test
    void theThreeDimensionalSystemIsAcceptedAndTheAltitudeIgnored() {
        LocationReading reading = parse(inTuple("""
                <gs:Sphere srsName="urn:ogc:def:crs:EPSG::4979">
                  <gml:pos>-24.19 -65.30 1259</gml:pos>
                  <gs:radius uom="urn:ogc:def:uom:EPSG::9001">20</gs:radius>
                </gs:Sphere>
                """));

        assertThat(reading.location().latitude()).isEqualTo(-24.19);
        assertThat(reading.location().radiusMetres()).isEqualTo(20.0);
    }

    @Test
    void garbageIsNotWellFormedXml() {
        assertThat(parse("<presence><tuple>oops").problem()).isEqualTo("the location document is not well-formed XML");
        assertThat(parse("\u0000\u0001 not xml at all").problem())
                .isEqualTo("the location document is not well-formed XML");
    }

    @Test
    void anEmptyDocumentIsAProblem() {
        assertThat(PidfLoParser.parse(new byte[0]).problem()).isEqualTo("the location document is empty");
        assertThat(PidfLoParser.parse(null).problem()).isEqualTo("the location document is empty");
    }

    @Test
    void aHugeDocumentIsRefusedUnread() {
        String huge = inTuple("<gml:Point><gml:pos>1 2</gml:pos></gml:Point>" + "<!-- padding -->".repeat(5000));

        assertThat(parse(huge).problem()).startsWith("the location document is too large");
    }

    @Test
    void anExternalEntityIsNeverFetched() {
        String attack = """
                <?xml version="1.0"?>
                <!DOCTYPE presence [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
                """ + inTuple("<ca:civicAddress><ca:RD>&secret;</ca:RD></ca:civicAddress>")
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "");

        LocationReading reading = parse(attack);

        assertThat(reading.location()).isNull();
        assertThat(reading.problem()).isEqualTo("the location document declares a document type, which is refused");
    }

    @Test
    void entityExpansionBombsAreRefusedToo() {
        String bomb = """
                <?xml version="1.0"?>
                <!DOCTYPE presence [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <presence xmlns="urn:ietf:params:xml:ns:pidf">&b;</presence>
                """;

        assertThat(parse(bomb).problem()).isEqualTo("the location document declares a document type, which is refused");
    }

    @Test
    void anotherXmlDocumentIsNotPidfLo() {
        assertThat(parse("<note xmlns=\"urn:example\">hello</note>").problem())
                .isEqualTo("the location document is not PIDF-LO (no pidf presence element)");
    }

    @Test
    void aPresenceWithoutLocationSaysSo() {
        assertThat(parse(OPEN + "<tuple id=\"t\"><status><basic>open</basic></status></tuple></presence>").problem())
                .isEqualTo("the location document holds no location");
        assertThat(parse(inTuple("")).problem()).isEqualTo("the location document holds no shape or civic address");
    }

    @Test
    void theFirstUsableShapeWinsOverAnEarlierBrokenOne() {
        String twoTuples = OPEN + """
                  <tuple id="a"><status><gp:geopriv><gp:location-info>
                    <gml:Point><gml:pos>500 500</gml:pos></gml:Point>
                  </gp:location-info></gp:geopriv></status></tuple>
                  <tuple id="b"><status><gp:geopriv><gp:location-info>
                    <gml:Point><gml:pos>-24.5 -65.5</gml:pos></gml:Point>
                  </gp:location-info></gp:geopriv></status></tuple>
                </presence>
                """;

        assertThat(parse(twoTuples).location().latitude()).isEqualTo(-24.5);
    }
}
