using System;
using System.IO;
using System.Xml;
using System.Xml.Linq;
using QualysGen.IntegrationTests.Qualys.SimpleReturnDtd;

namespace QualysGen.IntegrationTests;

/// <summary>
/// How the text of a typed element (here the DATETIME of SIMPLE_RETURN) is put together before it is parsed: from one or
/// several text and CDATA nodes, around comments, padded beyond any buffer, through readers that can and cannot hand out
/// value chunks. Each way gives the same value, or the same located error.
/// </summary>
public sealed class TypedValueTextTests
{
    private static readonly DateTimeOffset Expected = new(2019, 11, 19, 10, 10, 58, TimeSpan.Zero);

    public static TheoryData<string> Spellings => new()
    {
        "2019-11-19T10:10:58Z",
        "<![CDATA[2019-11-19T10:10:58Z]]>",
        "\n    <![CDATA[2019-11-19T10:10:58Z]]>\n  ",
        "2019-11-<![CDATA[19T10:10]]>:58Z",
        "2019-11-19<!-- a comment -->T10:10:58Z",
        "2019-11-19T10<?pi inside?>:10:58Z",
        "2019&#x2D;11-19T10:10:58Z",
        new string(' ', 5000) + "2019-11-19T10:10:58Z" + new string('\n', 3000),
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public void A_typed_value_reads_the_same_however_its_text_is_spelled(string spelling)
    {
        var document = Document(spelling);
        Assert.Equal(Expected, SimpleReturn.Parse(Xml.Stream(document)).Response.Datetime);
        Assert.Equal(Expected, SimpleReturn.Parse(XmlReader.Create(new StringReader(document))).Response.Datetime);
        // XDocument's reader hands out no value chunks: the general path.
        using var nodeReader = XDocument.Parse(document).CreateReader();
        Assert.False(nodeReader.CanReadValueChunk);
        Assert.Equal(Expected, SimpleReturn.Parse(nodeReader).Response.Datetime);
    }

    [Fact]
    public void Values_read_one_after_another_do_not_share_text()
    {
        // The second value is shorter than the first: nothing of the first may remain.
        var long1 = Document("  2019-11-19T10:10:58.1234567Z  ");
        var short2 = Document("2019-11-19");
        Assert.Equal(Expected.AddTicks(1234567), SimpleReturn.Parse(Xml.Stream(long1)).Response.Datetime);
        Assert.Equal(new DateTimeOffset(2019, 11, 19, 0, 0, 0, TimeSpan.Zero), SimpleReturn.Parse(Xml.Stream(short2)).Response.Datetime);
    }

    [Theory]
    [InlineData("2019-11-19T10:10:58Q", "'2019-11-19T10:10:58Q' is not a date")]
    [InlineData("<![CDATA[ not ]]><![CDATA[a date ]]>", "'not a date' is not a date")]
    public void A_bad_value_is_shown_in_the_error_with_the_element_path(string spelling, string start)
    {
        var exception = Assert.Throws<QualysXmlException>(() => SimpleReturn.Parse(Xml.Stream(Document(spelling))));
        Assert.Equal(QualysXmlErrorKind.InvalidValue, exception.Kind);
        Assert.Equal("/SIMPLE_RETURN/RESPONSE/DATETIME", exception.ElementPath);
        Assert.Contains(start, exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, exception.LineNumber);
    }

    [Fact]
    public void A_long_bad_value_is_cut_in_the_error()
    {
        var exception = Assert.Throws<QualysXmlException>(() => SimpleReturn.Parse(Xml.Stream(Document(new string('9', 5000)))));
        Assert.Contains("'" + new string('9', 64) + "…' is not a date", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_element_inside_a_typed_value_is_an_error_at_its_line()
    {
        var exception = Assert.Throws<QualysXmlException>(() => SimpleReturn.Parse(Xml.Stream(Document("2019-11-19\n<B>T10:10:58Z</B>"))));
        Assert.Equal(QualysXmlErrorKind.InvalidValue, exception.Kind);
        Assert.Equal(2, exception.LineNumber);
        Assert.Contains("<B>", exception.Message, StringComparison.Ordinal);
    }

    private static string Document(string datetime)
        => $"<SIMPLE_RETURN><RESPONSE><DATETIME>{datetime}</DATETIME><TEXT>t</TEXT></RESPONSE></SIMPLE_RETURN>";
}
