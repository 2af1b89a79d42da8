using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Schema;
using QualysGen.Generator.Model;
using QualysGen.Generator.Parsing;
using static QualysGen.Generator.Tests.Parsing.XsdReaderTestHelpers;

namespace QualysGen.Generator.Tests.Parsing;

/// <summary>
/// The QPS XSDs under <c>specs/</c> (copied to the test output directory): the real <c>webapp.xsd</c> and the reconstructed
/// <c>wasscan.xsd</c>, read by the reader and, as a check on the reconstruction, used to validate the published samples.
/// </summary>
public class XsdReaderRealFileTests
{
    public const string WebApp = "webapp.xsd";
    public const string WasScan = "wasscan.xsd";

    private static readonly string[] ResponseCodes =
    {
        "AUTH_CREDENTIALS_NEEDED", "CANNOT_BE_NULL", "INVALID_XML", "INVALID_CREDENTIALS", "INVALID_API_VERSION", "INVALID_PARAM",
        "INVALID_URL", "INVALID_REQUEST", "NOT_FOUND", "OTHER_ERROR", "OPERATION_NOT_SUPPORTED", "EVALUATION_EXPIRED", "JMS_SERVER_DOWN",
        "RMI_SERVER_DOWN", "SUCCESS", "STILL_PROCESSING", "UNAUTHORIZED", "UNAUTHORIZED_DESTINATION_APPS", "UNIDENTIFIED_PRODUCER", "UNKNOWN_OBJECT",
    };

    internal static SchemaSpec ReadSpec(string fileName)
    {
        var path = SpecPath(fileName);
        var result = XsdReader.Read(path, File.ReadAllText(path), new Dictionary<string, string>());
        Assert.True(result.Diagnostics.IsEmpty, "Unexpected diagnostics:\n" + Describe(result));
        Assert.NotNull(result.Schema);
        Assert.Equal(path, result.Schema!.FilePath);
        Assert.Equal(fileName, result.Schema.FileName);
        return result.Schema;
    }

    [Fact]
    public void Webapp_envelope()
    {
        var schema = ReadSpec(WebApp);

        Assert.Equal(SchemaKind.Xsd, schema.Kind);
        Assert.Equal(string.Empty, schema.TargetNamespace);
        Assert.Equal(
            new[] { new GlobalElementSpec("ServiceRequest", "ServiceRequest"), new GlobalElementSpec("ServiceResponse", "ServiceResponse") },
            schema.GlobalElements.ToArray());
        Assert.Equal(schema.Keys().Length, schema.Keys().Distinct().Count());

        Assert.Equal(
            ParticleSpec.Group(
                ParticleKind.All,
                Occurrence.One,
                E("filters", "ServiceRequestFilters", Occurrence.Optional),
                E("preferences", "ServiceRequestPreferences", Occurrence.Optional),
                E("data", "ServiceRequestData", Occurrence.Optional)),
            schema.Spec("ServiceRequest").Particle);
        Assert.Equal(Seq(E("Criteria", "Criteria", Occurrence.OneOrMore)), schema.Spec("ServiceRequestFilters").Particle);

        var response = schema.Spec("ServiceResponse");
        Assert.Equal(ContentKind.Children, response.Content);
        Assert.Null(response.TypeName);
        Assert.Equal(
            Seq(
                E("responseCode", "ResponseCode"),
                E("responseErrorDetails", "ResponseErrorObject", Occurrence.Optional),
                E("count", "xs:int", Occurrence.Optional),
                E("hasMoreRecords", "xs:boolean", Occurrence.Optional),
                E("lastId", "xs:long", Occurrence.Optional),
                E("data", "ServiceResponseData", Occurrence.Optional)),
            response.Particle);
        Assert.Equal(ResponseCodes, schema.Spec("ResponseCode").TextEnumValues.ToArray());
        Assert.Equal(XmlValueType.Enum, schema.Spec("ResponseCode").TextType);
        Assert.Equal(Seq(E("WebApp", "WebApp", Occurrence.ZeroOrMore)), schema.Spec("ServiceResponseData").Particle);
    }

    [Fact]
    public void Webapp_criteria_has_field_and_operator_attributes_and_string_text()
    {
        var criteria = ReadSpec(WebApp).Spec("Criteria");

        Assert.Equal(ContentKind.Text, criteria.Content);
        Assert.Equal(XmlValueType.String, criteria.TextType);
        Assert.Equal(new[] { "field", "name", "operator" }, criteria.Attributes.Select(a => a.Name).ToArray());
        Assert.Equal(new AttributeSpec("field", AttributeType.CData, EquatableArray<string>.Empty, AttributePresence.Implied, null), criteria.Attribute("field"));
        var op = criteria.Attribute("operator");
        Assert.Equal(AttributeType.Enumeration, op.Type);
        Assert.Equal(XmlValueType.Enum, op.ValueType);
        Assert.Equal(new[] { "CONTAINS", "IN", "EQUALS", "NOT EQUALS", "GREATER", "LESSER", "NONE" }, op.EnumValues.ToArray());
    }

    [Fact]
    public void Webapp_objects()
    {
        var schema = ReadSpec(WebApp);

        var webApp = schema.Spec("WebApp");
        Assert.Equal(ParticleKind.All, webApp.Particle!.Kind);
        Assert.Equal(42, webApp.Particle.Children.Count);
        Assert.Equal(new ParticleSpec(ParticleKind.Element, "scope", Occurrence.Optional, EquatableArray<ParticleSpec>.Empty, "WebApp/scope", "ALL"), webApp.Child("scope"));
        Assert.Equal(new[] { "ALL", "LIMIT", "SUBDOMAIN", "DOMAINS" }, schema.Spec("WebApp/scope").TextEnumValues.ToArray());
        Assert.Equal("false", webApp.Child("scannerLocked").DefaultValue);
        Assert.Equal("xs:dateTime", webApp.Child("createdDate").ContentRef);
        Assert.Equal(XmlValueType.DateTimeOffset, schema.Spec("xs:dateTime").TextType);
        Assert.Equal("WasScan", webApp.Child("lastScan").ContentRef);

        Assert.Equal(ContentKind.Text, schema.Spec("Cdata").Content);
        Assert.Equal(ContentKind.Text, schema.Spec("Url").Content);
        var regex = schema.Spec("UrlEntry").Attribute("regex");
        Assert.Equal(new AttributeSpec("regex", AttributeType.CData, EquatableArray<string>.Empty, AttributePresence.Default, "false", XmlValueType.Boolean), regex);

        // The QList pattern: wrappers keyed by path, each a sequence of the item.
        Assert.Equal(Seq(E("Url", "Url", Occurrence.ZeroOrMore)), schema.Spec("UrlList/list").Particle);
        Assert.Equal(Seq(E("Url", "Url", Occurrence.OneOrMore)), schema.Spec("UrlList/set").Particle);

        Assert.Equal(
            Seq(ParticleSpec.Group(
                ParticleKind.Choice,
                Occurrence.One,
                E("cancelScansAfterNHours", "xs:int", Occurrence.Optional),
                E("cancelScansAt", "xs:string", Occurrence.Optional),
                E("defaultAuthRecord", "WebAppAuthRecord", Occurrence.Optional))),
            schema.Spec("WebAppConfig").Particle);
        Assert.Equal(Seq(E("WeekDay", "WeekDay", Occurrence.OneOrMore)), schema.Spec("WeeklyOccurrence/onDays").Particle);
        Assert.Equal("WeekDay", schema.Spec("WeekDay").TypeName);
        Assert.Equal(
            new[] { "FIRST", "SECOND", "THIRD", "FOURTH", "LAST" },
            schema.Spec("MonthlyOccurrence/monthlyType/occurDayOrderInMonth/dayOrder").TextEnumValues.ToArray());
    }

    [Fact]
    public void Wasscan_envelope_and_scan()
    {
        var schema = ReadSpec(WasScan);

        Assert.Equal(string.Empty, schema.TargetNamespace);
        Assert.Equal(
            new[] { new GlobalElementSpec("ServiceRequest", "ServiceRequest"), new GlobalElementSpec("ServiceResponse", "ServiceResponse") },
            schema.GlobalElements.ToArray());
        Assert.Equal(ReadSpec(WebApp).Spec("ServiceResponse"), schema.Spec("ServiceResponse"));
        Assert.Equal(ReadSpec(WebApp).Spec("Criteria"), schema.Spec("Criteria"));
        Assert.Equal(ResponseCodes, schema.Spec("ResponseCode").TextEnumValues.ToArray());
        Assert.Equal(Seq(E("WasScan", "WasScan", Occurrence.ZeroOrMore)), schema.Spec("ServiceResponseData").Particle);
        Assert.Equal(Seq(E("WasScan", "WasScan", Occurrence.Optional)), schema.Spec("ServiceRequestData").Particle);
        Assert.Equal(
            new[] { "startFromId", "startFromOffset", "limitResults" },
            schema.Spec("ServiceRequestPreferences").Particle!.Children.Select(c => c.Name).ToArray());
        Assert.Equal(
            Seq(E("errorMessage", "xs:string"), E("errorResolution", "xs:string", Occurrence.Optional), E("internalErrorCodeId", "xs:int", Occurrence.Optional)),
            schema.Spec("ResponseErrorObject").Particle);

        var scan = schema.Spec("WasScan");
        Assert.Equal("WasScan", scan.TypeName);
        Assert.Equal(ParticleKind.All, scan.Particle!.Kind);
        Assert.All(scan.Particle.Children, c => Assert.Equal(Occurrence.Optional, c.Occurs));
        Assert.Equal("xs:long", scan.Child("id").ContentRef);
        Assert.Equal("xs:dateTime", scan.Child("launchedDate").ContentRef);
        Assert.Equal(new[] { "VULNERABILITY", "DISCOVERY" }, schema.ChildSpec("WasScan", "type").TextEnumValues.ToArray());
        Assert.Equal(new[] { "ONDEMAND", "SCHEDULED", "API" }, schema.ChildSpec("WasScan", "mode").TextEnumValues.ToArray());

        var status = schema.ChildSpec("WasScan", "status");
        Assert.Equal("WasScanStatus", status.TypeName);
        Assert.Equal(XmlValueType.Enum, status.TextType);
        Assert.Equal(new[] { "SUBMITTED", "RUNNING", "FINISHED", "ERROR", "CANCELED", "PROCESSING" }, status.TextEnumValues.ToArray());
        Assert.Equal("WasScanStatus", scan.Child("consolidatedStatus").ContentRef);

        Assert.Equal("WasScan/summary", scan.Child("summary").ContentRef);
        var summary = schema.Spec("WasScan/summary");
        Assert.Null(summary.TypeName);
        Assert.Equal(21, schema.Spec("WasScan/summary/resultsStatus").TextEnumValues.Count);
        Assert.Equal("CANCELED_WITH_RESULTS", schema.Spec("WasScan/summary/resultsStatus").TextEnumValues[20]);
        Assert.Equal(new[] { "NONE", "NOT_USED", "SUCCESSFUL", "FAILED", "PARTIAL" }, schema.Spec("WasScan/summary/authStatus").TextEnumValues.ToArray());

        Assert.Equal("WebApp", scan.Child("webApp").ContentRef);
        Assert.Equal(new[] { "id", "name", "url", "tags" }, schema.Spec("WebApp").Particle!.Children.Select(c => c.Name).ToArray());
        Assert.Equal(new[] { "count", "list", "set", "add", "remove" }, schema.Spec("WebAppList").Particle!.Children.Select(c => c.Name).ToArray());
        Assert.Equal(Seq(E("WasScanVuln", "WasScanVuln", Occurrence.ZeroOrMore)), schema.Spec("WasScanVulnList/list").Particle);
        Assert.Equal(
            new AttributeSpec("base64", AttributeType.CData, EquatableArray<string>.Empty, AttributePresence.Default, "false", XmlValueType.Boolean),
            schema.Spec("Base64Cdata").Attribute("base64"));
        Assert.Equal("A WAS scan of one or more web applications.", scan.Documentation);
    }

    [Theory]
    [InlineData(WebApp)]
    [InlineData(WasScan)]
    public void Reading_is_deterministic_and_ignores_layout(string fileName)
    {
        var path = SpecPath(fileName);
        var text = File.ReadAllText(path);
        var none = new Dictionary<string, string>();

        var first = XsdReader.Read(path, text, none);
        var second = XsdReader.Read(path, text, none);
        var declarationEnd = text.IndexOf("?>", StringComparison.Ordinal) + 2;
        var relaidOut = XsdReader.Read(
            path,
            (text.Substring(0, declarationEnd) + "\n\n<!-- moved -->\n" + text.Substring(declarationEnd)).Replace("\n", "\r\n").Replace("<xs:element ", "<xs:element  "),
            none);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.True(relaidOut.Diagnostics.IsEmpty);
        Assert.Equal(first.Schema, relaidOut.Schema);
    }

    // --- The reconstructed wasscan.xsd against the published samples ------------------------------------------------
    //
    // Copied from ../shared: seed 001 (Qualys docs "Delete Scan"), reference/samples/fixtures and docs (WasScan bodies), and the
    // QPS bodies recorded from a real Qualys platform in reference/samples/recorded (graph-qualys @ ea3a12f). Repairs: the
    // doc placeholder <qualys_base_url> inside xsi:noNamespaceSchemaLocation (not well-formed in an attribute) is replaced by a
    // host, the seed's U+00A0 after "<ServiceResponse" (text-extraction damage) by a space, and the fixture published without
    // its closing tag (qps_invalid_request_concurrent_scans.AS_PUBLISHED_UNCLOSED.xml) is closed. Not used:
    // executeAPIRequest409rateLimit (a portal version body, version.xsd).

    private const string SchemaLocation = "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"https://qualysapi.qualys.com/qps/xsd/3.0/was/wasscan.xsd\"";

    private static readonly Dictionary<string, (string Schema, string Xml)> Samples = new()
    {
        ["seed001 delete one (response)"] = (WasScan, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <ServiceResponse {SchemaLocation}>
                <responseCode>SUCCESS</responseCode>
                <count>1</count>
                <data>
                    <WasScan>
                        <id>12405</id>
                    </WasScan>
                </data>
            </ServiceResponse>
            """),
        ["seed001 delete with criteria (request)"] = (WasScan, """
            <ServiceRequest>
                <filters>
                    <Criteria field="name" operator="CONTAINS">VULN</Criteria>
                </filters>
            </ServiceRequest>
            """),
        ["seed001 delete with criteria (response)"] = (WasScan, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <ServiceResponse {SchemaLocation}>
                <responseCode>SUCCESS</responseCode>
                <count>2</count>
                <data>
                    <WasScan>
                        <id>12874</id>
                    </WasScan>
                    <WasScan>
                        <id>13093</id>
                    </WasScan>
                </data>
            </ServiceResponse>
            """),
        ["fixtures/was_scan_launch_success.wasscan.xml"] = (WasScan, """
            <?xml version="1.0" encoding="UTF-8"?>
            <ServiceResponse xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="https://qualysapi.qualys.com/qps/xsd/3.0/was/wasscan.xsd">
              <responseCode>SUCCESS</responseCode>
              <count>1</count>
              <data>
                <WasScan>
                  <id>2763740</id>
                </WasScan>
              </data>
            </ServiceResponse>
            """),
        ["docs/was_scan_status.wasscan.xml"] = (WasScan, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <ServiceResponse {SchemaLocation}>
                <responseCode>SUCCESS</responseCode>
                <count>1</count>
                <data>
                    <WasScan>
                        <id>1902350</id>
                        <status>FINISHED</status>
                        <summary>
                            <resultsStatus>NO_HOST_ALIVE</resultsStatus>
                            <authStatus>NONE</authStatus>
                        </summary>
                    </WasScan>
                </data>
            </ServiceResponse>
            """),
        ["fixtures/qps_invalid_request_concurrent_scans (closed)"] = (WasScan, """
            <?xml version="1.0" encoding="UTF-8"?>
            <ServiceResponse xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://localhost:50205/qps/rest/app//xsd/3.0/was/wasscan.xsd">
              <responseCode>INVALID_REQUEST</responseCode>
              <responseErrorDetails>
                <errorMessage>You have reached the maximum number of concurrent running scans (10) for your account</errorMessage>
                <errorResolution>Please wait until your previous scans have completed</errorResolution>
              </responseErrorDetails>
            </ServiceResponse>
            """),
        ["recorded/iterateWebAppFindingsBadId__0 (envelope)"] = (WasScan, """
            <?xml version="1.0" encoding="UTF-8"?>
            <ServiceResponse xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="https://qualysapi.qg3.apps.qualys.com/qps/xsd/3.0/was/finding.xsd">
              <responseCode>INVALID_REQUEST</responseCode>
              <responseErrorDetails>
                <errorMessage>Criteria: Invalid value format for criteria &apos;webApp.id&apos; (abc123).</errorMessage>
                <errorResolution>Specify criteria value(s) as Long.</errorResolution>
              </responseErrorDetails>
            </ServiceResponse>
            """),
        ["recorded/iterateHostDetailsBadId__0 (envelope)"] = (WasScan, """
            <?xml version="1.0" encoding="UTF-8"?>
            <ServiceResponse xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="https://qualysapi.qg3.apps.qualys.com/qps/xsd/2.0/am/hostasset.xsd">
              <responseCode>INVALID_REQUEST</responseCode>
              <responseErrorDetails>
                <errorMessage>Criteria: Invalid value format for criteria &apos;qwebHostId&apos; (abc123).</errorMessage>
                <errorResolution>Specify criteria value(s) as Long.</errorResolution>
              </responseErrorDetails>
            </ServiceResponse>
            """),
        ["recorded/verifyAuthenticationInaccesible__0 (envelope)"] = (WasScan, """
            <?xml version="1.0" encoding="UTF-8"?>
            <ServiceResponse xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="https://qualysapi.qg3.apps.qualys.com/qps/xsd/2.0/am/hostasset.xsd">
              <responseCode>INVALID_CREDENTIALS</responseCode>
              <responseErrorDetails>
                <errorMessage>Authentication failed</errorMessage>
                <errorResolution>Verify both, user and password credentials.</errorResolution>
              </responseErrorDetails>
            </ServiceResponse>
            """),
        ["recorded/iterateWebAppsFilteredNotFound__0"] = (WebApp, """
            <?xml version="1.0" encoding="UTF-8"?>
            <ServiceResponse xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="https://qualysapi.qg3.apps.qualys.com/qps/xsd/3.0/was/webapp.xsd">
              <responseCode>SUCCESS</responseCode>
              <count>0</count>
            </ServiceResponse>
            """),
        ["recorded/iterateWebAppsInvalidFilterValue__0"] = (WebApp, """
            <?xml version="1.0" encoding="UTF-8"?>
            <ServiceResponse xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="https://qualysapi.qg3.apps.qualys.com/qps/xsd/3.0/was/webapp.xsd">
              <responseCode>INVALID_REQUEST</responseCode>
              <responseErrorDetails>
                <errorMessage>Criteria: Invalid value format for criteria &apos;isScanned&apos; (undefined).</errorMessage>
                <errorResolution>Values expected: true, false.</errorResolution>
              </responseErrorDetails>
            </ServiceResponse>
            """),
        ["recorded/iterateWebAppsPagination__0"] = (WebApp, """
            <?xml version="1.0" encoding="UTF-8"?>
            <ServiceResponse xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="https://qualysapi.qg3.apps.qualys.com/qps/xsd/3.0/was/webapp.xsd">
              <responseCode>SUCCESS</responseCode>
              <count>1</count>
              <hasMoreRecords>true</hasMoreRecords>
              <lastId>238483924</lastId>
              <data>
                <WebApp>
                  <id>238483924</id>
                  <name><![CDATA[http://rest.vulnweb.com/]]></name>
                  <url><![CDATA[http://rest.vulnweb.com/]]></url>
                  <owner>
                    <id>17729931</id>
                  </owner>
                  <tags>
                    <count>0</count>
                  </tags>
                  <createdDate>2022-04-12T21:12:52Z</createdDate>
                  <updatedDate>2022-04-12T21:39:40Z</updatedDate>
                </WebApp>
              </data>
            </ServiceResponse>
            """),
        ["recorded/iterateWebAppsPagination__1 (request)"] = (WebApp, """
            <ServiceRequest>
              <preferences>
                <limitResults>1</limitResults>
                <startFromOffset>2</startFromOffset>
              </preferences>

            </ServiceRequest>
            """),
        ["recorded/fetchScannedWebAppIds__0 (two of seven WebApps)"] = (WebApp, """
            <?xml version="1.0" encoding="UTF-8"?>
            <ServiceResponse xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="https://qualysapi.qg3.apps.qualys.com/qps/xsd/3.0/was/webapp.xsd">
              <responseCode>SUCCESS</responseCode>
              <count>7</count>
              <hasMoreRecords>false</hasMoreRecords>
              <data>
                <WebApp>
                  <id>251316885</id>
                  <name><![CDATA[Juice Shop]]></name>
                  <url><![CDATA[http://d218uuknkwwh79.cloudfront.net/#/]]></url>
                  <owner>
                    <id>17729931</id>
                  </owner>
                  <tags>
                    <count>0</count>
                  </tags>
                  <createdDate>2022-05-09T19:50:24Z</createdDate>
                  <updatedDate>2022-05-09T19:51:16Z</updatedDate>
                </WebApp>
                <WebApp>
                  <id>251316904</id>
                  <name><![CDATA[PyGoat]]></name>
                  <url><![CDATA[http://pygoat-dep.herokuapp.com/]]></url>
                  <owner>
                    <id>17729931</id>
                  </owner>
                  <tags>
                    <count>0</count>
                  </tags>
                  <createdDate>2022-05-10T00:59:15Z</createdDate>
                  <updatedDate>2022-05-10T01:01:21Z</updatedDate>
                </WebApp>
              </data>
            </ServiceResponse>
            """),
        ["launch request (qps-wasscan-summary.md §3, qualysdk shape)"] = (WasScan, """
            <ServiceRequest>
              <data>
                <WasScan>
                  <name>API scan</name>
                  <type>VULNERABILITY</type>
                  <target>
                    <webApps><set><WebApp><id>238483924</id></WebApp><WebApp><id>238483925</id></WebApp></set></webApps>
                    <scannerAppliance><type>EXTERNAL</type></scannerAppliance>
                  </target>
                  <profile><id>3031</id></profile>
                  <sendMail>false</sendMail>
                </WasScan>
              </data>
            </ServiceRequest>
            """),
    };

    public static TheoryData<string> SampleNames() => new(Samples.Keys);

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Published_samples_validate_against_the_schema(string sample)
    {
        var (schema, xml) = Samples[sample];

        var errors = Validate(schema, xml);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void Validation_rejects_what_wasscan_does_not_allow()
    {
        var xml = """
            <ServiceResponse>
              <responseCode>SUCCESS</responseCode>
              <data>
                <WasScan><id>1</id><status>DONE</status><launchedDate>yesterday</launchedDate><colour>red</colour></WasScan>
              </data>
            </ServiceResponse>
            """;

        var errors = Validate(WasScan, xml);

        Assert.Equal(3, errors.Count);
    }

    private static List<string> Validate(string schemaFile, string xml)
    {
        var errors = new List<string>();
        var set = new XmlSchemaSet { XmlResolver = null };
        set.Add(null, XmlReader.Create(new StringReader(File.ReadAllText(SpecPath(schemaFile))), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }));
        set.Compile();

        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = set, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} ({e.Exception.LineNumber},{e.Exception.LinePosition}): {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }
}
