using System;
using QualysGen.IntegrationTests.Qualys.SimpleReturnDtd;

namespace QualysGen.IntegrationTests;

/// <summary>UTC dates as Qualys writes them, and the other ISO forms, read to the right instant; impossible dates fail.</summary>
public sealed class DateValueTests
{
    [Theory]
    [InlineData("2019-11-19T10:10:58Z", "2019-11-19T10:10:58.0000000+00:00")]
    [InlineData("2019-11-19T22:00:00", "2019-11-19T22:00:00.0000000+00:00")]          // no Z: still UTC
    [InlineData(" 2017-04-12T14:52:39Z ", "2017-04-12T14:52:39.0000000+00:00")]       // padded
    [InlineData("2024-02-29T23:59:59Z", "2024-02-29T23:59:59.0000000+00:00")]         // leap day
    [InlineData("2026-01-01T00:00:00.25Z", "2026-01-01T00:00:00.2500000+00:00")]      // fractions: the general path
    [InlineData("2026-01-01T02:00:00+02:00", "2026-01-01T00:00:00.0000000+00:00")]    // an offset, normalized to UTC
    [InlineData("2026-01-01", "2026-01-01T00:00:00.0000000+00:00")]
    public void Dates_read_as_utc(string text, string expected)
        => Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Read(text));

    [Theory]
    [InlineData("2026-02-30T00:00:00Z")]
    [InlineData("2026-13-01T00:00:00Z")]
    [InlineData("2026-01-01T24:00:00Z")]
    [InlineData("2026-01-01 00:00:00Z")]
    [InlineData("2O26-01-01T00:00:00Z")]
    [InlineData("yesterday")]
    public void Impossible_dates_fail_with_the_element_path(string text)
    {
        var exception = Assert.Throws<QualysXmlException>(() => Read(text));
        Assert.Equal(QualysXmlErrorKind.InvalidValue, exception.Kind);
        Assert.Equal("/SIMPLE_RETURN/RESPONSE/DATETIME", exception.ElementPath);
    }

    private static DateTimeOffset Read(string text)
        => SimpleReturn.Parse(Xml.Stream($"<SIMPLE_RETURN><RESPONSE><DATETIME>{text}</DATETIME><TEXT>t</TEXT></RESPONSE></SIMPLE_RETURN>")).Response.Datetime;
}
