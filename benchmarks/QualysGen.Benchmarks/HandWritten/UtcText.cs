using System;
using System.Globalization;

namespace QualysGen.Benchmarks.HandWritten;

/// <summary>
/// What a hand-written model needs for Qualys date-times: they are UTC with or without the <c>Z</c>
/// (<c>NEXTLAUNCH_UTC</c> comes without it), which <see cref="System.Xml.Serialization.XmlSerializer"/>'s own
/// <see cref="DateTimeOffset"/> reading would take as local time. Same formats as the generated parsers.
/// </summary>
internal static class UtcText
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd",
    ];

    public static DateTimeOffset Parse(string text)
        => DateTimeOffset.ParseExact(text.AsSpan().Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset? ParseOptional(string? text) => text is null ? null : Parse(text);

    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static int? ParseInt32(string? text) => text is null ? null : int.Parse(text.AsSpan().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}
