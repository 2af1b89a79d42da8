using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace QualysGen.Requests;

/// <summary>
/// How generated request builders write parameter values on the wire: numbers in the invariant culture, <c>0|1</c> flags,
/// <c>yes|no</c>, <c>mm/dd/yyyy</c> dates, UTC date-times and comma-separated lists.
/// Not meant to be called by hand; its shape may change between versions together with the generator.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class QualysWire
{
    /// <summary><c>42</c>.</summary>
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>42</c>.</summary>
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>1</c> or <c>0</c>.</summary>
    public static string Flag(bool value) => value ? "1" : "0";

    /// <summary><c>yes</c> or <c>no</c>.</summary>
    public static string YesNo(bool value) => value ? "yes" : "no";

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static string Boolean(bool value) => value ? "true" : "false";

    /// <summary><c>mm/dd/yyyy</c>, e.g. <c>08/20/2020</c>.</summary>
    public static string Date(DateOnly value) => value.ToString("MM'/'dd'/'yyyy", CultureInfo.InvariantCulture);

    /// <summary>UTC <c>YYYY-MM-DDTHH:MM:SSZ</c>, e.g. <c>2007-01-25T23:12:00Z</c>; an offset is converted to UTC first.</summary>
    public static string DateTime(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A comma-separated list of texts.</summary>
    public static string Join(IReadOnlyList<string> values) => Join(values, static value => value);

    /// <summary>A comma-separated list of values, each written by <paramref name="format"/>.</summary>
    public static string Join<T>(IReadOnlyList<T> values, Func<T, string> format)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(format);
        if (values.Count == 1)
        {
            return format(values[0]);
        }

        var builder = new StringBuilder();
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(format(values[i]));
        }

        return builder.ToString();
    }
}
