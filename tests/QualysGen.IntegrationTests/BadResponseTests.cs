using System;
using System.IO;
using System.Threading.Tasks;
using QualysGen.IntegrationTests.Qualys.ComplianceScheduleScanListOutputDtd;
using QualysGen.IntegrationTests.Qualys.SimpleReturnDtd;
using QualysGen.Tests;

namespace QualysGen.IntegrationTests;

/// <summary>Every way a response can be unreadable ends in one <see cref="QualysXmlException"/> that says where.</summary>
public sealed class BadResponseTests
{
    /// <summary>Deviations from the schema throw only in strict mode; by default they are absorbed (see <see cref="RealDataTests"/>).</summary>
    private static readonly QualysXmlOptions Strict = new() { Strict = true };

    [Fact]
    public void Xml_that_is_not_well_formed_is_reported_with_its_line()
    {
        const string xml = "<SIMPLE_RETURN>\n  <RESPONSE>\n    <DATETIME>2026-01-01T00:00:00Z</DATETIME>\n    <TEXT>oops</CODE>\n  </RESPONSE>\n</SIMPLE_RETURN>";

        var exception = Assert.Throws<QualysXmlException>(() => SimpleReturn.Parse(Xml.Stream(xml)));

        Assert.Equal(QualysXmlErrorKind.Malformed, exception.Kind);
        Assert.Equal(4, exception.LineNumber);
        Assert.Equal("/SIMPLE_RETURN/RESPONSE", exception.ElementPath);
        Assert.Contains("line 4", exception.Message);
    }

    [Theory]
    [ReferenceInlineData("samples/docs/network_list.MALFORMED.xml")]
    [ReferenceInlineData("samples/docs/host_list_record_limit_warning_1980.PARTIAL.xml")]
    public void The_malformed_documentation_samples_fail_with_the_one_exception(string file)
        => AssertUnreadable(ReferenceFiles.Open(file));

    [Fact]
    public void The_malformed_seed_sample_fails_with_the_one_exception()
        => AssertUnreadable(SampleFiles.Open("bad/seed000_report_cancel_v3_echo.MALFORMED.simple_return.xml"));

    private static void AssertUnreadable(Stream sample)
    {
        using var stream = sample;
        var exception = Assert.Throws<QualysXmlException>(() => SimpleReturn.Parse(stream));
        Assert.True(exception.Kind is QualysXmlErrorKind.Malformed or QualysXmlErrorKind.UnexpectedRoot, exception.Message);
        Assert.True(exception.LineNumber > 0);
    }

    [Fact]
    public void A_wrong_root_names_both_roots()
    {
        using var stream = SampleFiles.Open("seed003_vhost_create_in_network.simple_return.xml");

        var exception = Assert.Throws<QualysXmlException>(() => ComplianceScheduleScanListOutput.Parse(stream));

        Assert.Equal(QualysXmlErrorKind.UnexpectedRoot, exception.Kind);
        Assert.Equal("/SIMPLE_RETURN", exception.ElementPath);
        Assert.Contains("<COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT>", exception.Message);
        Assert.Contains("<SIMPLE_RETURN>", exception.Message);
    }

    [Fact]
    public async Task A_wrong_root_fails_a_record_stream_too()
    {
        await using var stream = SampleFiles.Open("seed003_vhost_create_in_network.simple_return.xml");
        var exception = await Assert.ThrowsAsync<QualysXmlException>(async () =>
        {
            await foreach (var _ in ComplianceScheduleScanListOutput.EnumerateScansAsync(stream))
            {
            }
        });
        Assert.Equal(QualysXmlErrorKind.UnexpectedRoot, exception.Kind);
    }

    [Fact]
    public void A_missing_required_element_is_named_with_its_parent_path()
    {
        var xml = ComplianceScheduleListTests.Document(ComplianceScheduleListTests.Scan(1, "<DAILY frequency_days=\"1\" />").Replace("<TARGET>10.0.0.1</TARGET>", ""));

        var exception = Assert.Throws<QualysXmlException>(() => ComplianceScheduleScanListOutput.Parse(Xml.Stream(xml), Strict));

        Assert.Equal(QualysXmlErrorKind.MissingElement, exception.Kind);
        Assert.Equal("/COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT/RESPONSE/COMPLIANCE_SCHEDULE_SCAN_LIST/SCAN", exception.ElementPath);
        Assert.Contains("<TARGET>", exception.Message);
    }

    [Fact]
    public void A_missing_choice_is_reported()
    {
        var xml = ComplianceScheduleListTests.Document(ComplianceScheduleListTests.Scan(1, ""));

        var exception = Assert.Throws<QualysXmlException>(() => ComplianceScheduleScanListOutput.Parse(Xml.Stream(xml), Strict));

        Assert.Equal(QualysXmlErrorKind.MissingElement, exception.Kind);
        Assert.EndsWith("/SCAN/SCHEDULE", exception.ElementPath);
        Assert.Contains("<DAILY>, <WEEKLY>, <MONTHLY>", exception.Message);
    }

    [Fact]
    public void A_missing_required_attribute_is_reported()
    {
        var xml = ComplianceScheduleListTests.Document(ComplianceScheduleListTests.Scan(1, "<DAILY />"));

        var exception = Assert.Throws<QualysXmlException>(() => ComplianceScheduleScanListOutput.Parse(Xml.Stream(xml), Strict));

        Assert.Equal(QualysXmlErrorKind.MissingAttribute, exception.Kind);
        Assert.EndsWith("/SCAN/SCHEDULE/DAILY", exception.ElementPath);
        Assert.Contains("frequency_days", exception.Message);
    }

    [Fact]
    public void An_unparsable_typed_value_names_the_element_the_value_and_the_line()
    {
        var xml = ComplianceScheduleListTests.Document(ComplianceScheduleListTests.Scan(1, "<DAILY frequency_days=\"1\" />").Replace("<START_HOUR>1</START_HOUR>", "<START_HOUR>two</START_HOUR>"));

        var exception = Assert.Throws<QualysXmlException>(() => ComplianceScheduleScanListOutput.Parse(Xml.Stream(xml), Strict));

        Assert.Equal(QualysXmlErrorKind.InvalidValue, exception.Kind);
        Assert.Equal("/COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT/RESPONSE/COMPLIANCE_SCHEDULE_SCAN_LIST/SCAN/SCHEDULE/START_HOUR", exception.ElementPath);
        Assert.Contains("'two'", exception.Message);
        Assert.Equal(2, exception.LineNumber);
    }

    [Fact]
    public void An_unparsable_attribute_value_ends_the_path_in_the_attribute()
    {
        var xml = ComplianceScheduleListTests.Document(ComplianceScheduleListTests.Scan(1, "<DAILY frequency_days=\"often\" />"));

        var exception = Assert.Throws<QualysXmlException>(() => ComplianceScheduleScanListOutput.Parse(Xml.Stream(xml), Strict));

        Assert.Equal(QualysXmlErrorKind.InvalidValue, exception.Kind);
        Assert.EndsWith("/SCHEDULE/DAILY/@frequency_days", exception.ElementPath);
    }

    [Fact]
    public async Task Errors_read_the_same_through_the_async_parser()
    {
        var xml = ComplianceScheduleListTests.Document(ComplianceScheduleListTests.Scan(1, "<DAILY frequency_days=\"1\" />").Replace("<ACTIVE>1</ACTIVE>", "<ACTIVE>yes</ACTIVE>"));

        var exception = await Assert.ThrowsAsync<QualysXmlException>(async () => await ComplianceScheduleScanListOutput.ParseAsync(Xml.Stream(xml), Strict));

        Assert.Equal(QualysXmlErrorKind.InvalidValue, exception.Kind);
        Assert.EndsWith("/SCAN/ACTIVE", exception.ElementPath);
    }

    [Fact]
    public void An_external_entity_is_never_resolved()
    {
        // If the DTD were processed, the parser would read this file (or try the network) to expand &xxe;.
        var secret = Path.Combine(Path.GetTempPath(), "qualysgen-xxe-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(secret, "SECRET");
        try
        {
            var xml = $"""
                <?xml version="1.0"?>
                <!DOCTYPE SIMPLE_RETURN [ <!ENTITY xxe SYSTEM "file://{secret}"> <!ENTITY net SYSTEM "http://127.0.0.1:9/x"> ]>
                <SIMPLE_RETURN><RESPONSE><DATETIME>2026-01-01T00:00:00Z</DATETIME><TEXT>&xxe;&net;</TEXT></RESPONSE></SIMPLE_RETURN>
                """;

            var exception = Assert.Throws<QualysXmlException>(() => SimpleReturn.Parse(Xml.Stream(xml)));

            Assert.Equal(QualysXmlErrorKind.Malformed, exception.Kind);
            Assert.DoesNotContain("SECRET", exception.Message);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void A_billion_laughs_document_fails_fast_without_expanding()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE SIMPLE_RETURN [
              <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
              <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
              <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
              <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
              <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
              <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
              <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
            ]>
            <SIMPLE_RETURN><RESPONSE><DATETIME>2026-01-01T00:00:00Z</DATETIME><TEXT>&g;</TEXT></RESPONSE></SIMPLE_RETURN>
            """;

        var exception = Assert.Throws<QualysXmlException>(() => SimpleReturn.Parse(Xml.Stream(xml)));

        Assert.Equal(QualysXmlErrorKind.Malformed, exception.Kind);
    }

    [Fact]
    public void An_empty_document_is_malformed()
    {
        var exception = Assert.Throws<QualysXmlException>(() => SimpleReturn.Parse(Xml.Stream("")));
        Assert.Equal(QualysXmlErrorKind.Malformed, exception.Kind);
    }

    [Fact]
    public void A_document_cut_off_mid_record_is_malformed_at_the_record()
    {
        var xml = ComplianceScheduleListTests.Document(ComplianceScheduleListTests.Scan(1, "<DAILY frequency_days=\"1\" />"));
        xml = xml.Substring(0, xml.IndexOf("<SCHEDULE>", StringComparison.Ordinal) + 20);

        var exception = Assert.Throws<QualysXmlException>(() => ComplianceScheduleScanListOutput.Parse(Xml.Stream(xml)));

        Assert.Equal(QualysXmlErrorKind.Malformed, exception.Kind);
        Assert.Contains("/SCAN", exception.ElementPath);
    }
}
