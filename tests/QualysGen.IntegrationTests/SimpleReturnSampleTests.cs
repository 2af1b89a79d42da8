using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml;
using QualysGen.IntegrationTests.Qualys.SimpleReturnDtd;
using QualysGen.Tests;

namespace QualysGen.IntegrationTests;

/// <summary>
/// Every SIMPLE_RETURN sample in the seeds and reference material parses to its documented values, through each entry point.
/// The reference samples are read in place; their rows are skipped when the reference folder is absent.
/// </summary>
public sealed class SimpleReturnSampleTests
{
    public static IEnumerable<object[]> Samples => SampleFiles.WithRoot("SIMPLE_RETURN", reference: false);

    public static IEnumerable<object[]> ReferenceSamples => SampleFiles.WithRoot("SIMPLE_RETURN", reference: true);

    [Theory]
    [MemberData(nameof(Samples))]
    [ReferenceMemberData(nameof(ReferenceSamples))]
    public void Parse_from_a_stream_gives_the_documented_values(string file)
    {
        using var stream = SampleFiles.Open(file);
        AssertDocumentedValues(file, SimpleReturn.Parse(stream));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    [ReferenceMemberData(nameof(ReferenceSamples))]
    public async Task ParseAsync_gives_the_documented_values(string file)
    {
        await using var stream = SampleFiles.Open(file);
        AssertDocumentedValues(file, await SimpleReturn.ParseAsync(stream));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    [ReferenceMemberData(nameof(ReferenceSamples))]
    public void Parse_from_a_caller_XmlReader_gives_the_documented_values(string file)
    {
        using var stream = SampleFiles.Open(file);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, IgnoreWhitespace = true });
        AssertDocumentedValues(file, SimpleReturn.Parse(reader));
    }

    [ReferenceFact]
    public void A_rate_limit_error_carries_its_code_text_and_items()
    {
        using var stream = ReferenceFiles.Open("samples/fixtures/simple_return_1965_rate_limit.xml");
        var result = SimpleReturn.Parse(stream);

        Assert.Equal("1965", result.Response.Code);
        Assert.StartsWith("This API cannot be run again for another", result.Response.Text.TrimStart());
        var item = Assert.Single(result.Response.Items);
        Assert.Equal("SECONDS_TO_WAIT", item.Key);
        Assert.Equal(["68928"], item.Values);
        Assert.Null(result.Request);
    }

    [Fact]
    public void A_request_echo_is_read()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8" ?>
            <!DOCTYPE SIMPLE_RETURN SYSTEM "https://qualysapi.qualys.com/api/2.0/simple_return.dtd">
            <SIMPLE_RETURN>
              <REQUEST>
                <DATETIME>2025-12-01T10:00:00Z</DATETIME>
                <USER_LOGIN>acme_ab</USER_LOGIN>
                <RESOURCE>https://qualysapi.qualys.com/api/3.0/fo/report/</RESOURCE>
                <PARAM_LIST>
                  <PARAM><KEY>action</KEY><VALUE>cancel</VALUE></PARAM>
                  <PARAM><KEY>id</KEY><VALUE>1234</VALUE></PARAM>
                </PARAM_LIST>
                <POST_DATA><![CDATA[action=cancel&id=1234]]></POST_DATA>
              </REQUEST>
              <RESPONSE>
                <DATETIME>2025-12-01T10:00:01Z</DATETIME>
                <TEXT>Report cancelled</TEXT>
              </RESPONSE>
            </SIMPLE_RETURN>
            """;

        var result = SimpleReturn.Parse(Xml.Stream(xml));

        var request = Assert.IsType<Request>(result.Request);
        Assert.Equal(new DateTimeOffset(2025, 12, 1, 10, 0, 0, TimeSpan.Zero), request.Datetime);
        Assert.Equal("acme_ab", request.UserLogin);
        Assert.Equal(["action", "id"], request.Params.Select(p => p.Key));
        Assert.Equal(["cancel", "1234"], request.Params.Select(p => p.Value));
        Assert.Equal("action=cancel&id=1234", request.PostData);
        Assert.Equal("Report cancelled", result.Response.Text);
        Assert.Empty(result.Response.Items);
    }

    [Fact]
    public async Task Items_stream_one_by_one()
    {
        await using var stream = SampleFiles.Open("seed003_compliance_schedule_create.simple_return.xml");
        var items = new List<Item>();
        await foreach (var item in SimpleReturn.EnumerateItemsAsync(stream))
        {
            items.Add(item);
        }

        var only = Assert.Single(items);
        Assert.Equal("ID", only.Key);
        Assert.Equal(["57368"], only.Values);
    }

    private static void AssertDocumentedValues(string file, SimpleReturn result)
    {
        var expected = SampleFiles.Get(file).Values;
        var actual = Flatten(result);
        foreach (var (path, value) in expected)
        {
            Assert.True(actual.ContainsKey(path), $"{file}: {path} was not read");
            if (path.EndsWith("DATETIME", StringComparison.Ordinal))
            {
                var when = DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                Assert.Equal(when.ToString("O", CultureInfo.InvariantCulture), actual[path]);
            }
            else
            {
                // The list holds the documented text; the parser keeps the padding some of these files have around it
                // (plain text is data, kept as sent), so only the ends may differ, and only by whitespace.
                Assert.Equal(value, actual[path].Trim());
            }
        }

        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
    }

    private static Dictionary<string, string> Flatten(SimpleReturn result)
    {
        var values = new Dictionary<string, string>();
        if (result.Request is { } request)
        {
            values["REQUEST/DATETIME"] = request.Datetime.ToString("O", CultureInfo.InvariantCulture);
            values["REQUEST/USER_LOGIN"] = request.UserLogin;
            values["REQUEST/RESOURCE"] = request.Resource;
            for (var i = 0; i < request.Params.Count; i++)
            {
                values[$"REQUEST/PARAM_LIST/PARAM[{i + 1}]/KEY"] = request.Params[i].Key;
                values[$"REQUEST/PARAM_LIST/PARAM[{i + 1}]/VALUE"] = request.Params[i].Value;
            }

            if (request.PostData is { } postData)
            {
                values["REQUEST/POST_DATA"] = postData;
            }
        }

        var response = result.Response;
        values["RESPONSE/DATETIME"] = response.Datetime.ToString("O", CultureInfo.InvariantCulture);
        if (response.Code is { } code)
        {
            values["RESPONSE/CODE"] = code;
        }

        values["RESPONSE/TEXT"] = response.Text;
        for (var i = 0; i < response.Items.Count; i++)
        {
            values[$"RESPONSE/ITEM_LIST/ITEM[{i + 1}]/KEY"] = response.Items[i].Key;
            for (var j = 0; j < response.Items[i].Values.Count; j++)
            {
                values[$"RESPONSE/ITEM_LIST/ITEM[{i + 1}]/VALUE[{j + 1}]"] = response.Items[i].Values[j];
            }
        }

        return values;
    }
}
