using System.Globalization;

namespace QualysGen.Generator.Parsing.Json;

/// <summary>
/// A JSON number, kept as its raw text (which always matches the JSON number grammar) so the
/// caller chooses how to read it. All conversions use the invariant culture.
/// </summary>
internal sealed class JsonNumber : JsonNode
{
    public JsonNumber(JsonPosition position, string text)
        : base(position)
        => Text = text;

    public override JsonNodeKind Kind => JsonNodeKind.Number;

    /// <summary>The number exactly as written, e.g. <c>-1.50e3</c>.</summary>
    public string Text { get; }

    /// <summary>
    /// Reads an integer written without a fraction or exponent (<c>42</c>, <c>-7</c>) that fits in
    /// a <see cref="long"/>. <c>1.0</c> and <c>1e2</c> are not integers here.
    /// </summary>
    public bool TryGetInt64(out long value)
    {
        if (Text.IndexOf('.') >= 0 || Text.IndexOf('e') >= 0 || Text.IndexOf('E') >= 0)
        {
            value = 0;
            return false;
        }

        return long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Reads the number as a <see cref="decimal"/>; <see langword="false"/> when it is out of range.</summary>
    public bool TryGetDecimal(out decimal value)
        => decimal.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// Reads the number as a finite <see cref="double"/>; <see langword="false"/> when it overflows
    /// (the same on every runtime, whether or not its parser would return infinity).
    /// </summary>
    public bool TryGetDouble(out double value)
    {
        if (double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && !double.IsInfinity(value) && !double.IsNaN(value))
        {
            return true;
        }

        value = 0;
        return false;
    }
}
