using System.Collections.Generic;
using System.Globalization;

namespace QualysGen.Responses;

/// <summary>The parts of a <c>SIMPLE_RETURN</c> that decide whether it is an error: <c>RESPONSE/CODE</c>, <c>TEXT</c> and <c>ITEM_LIST</c>.</summary>
internal sealed class SimpleReturnInfo
{
    public SimpleReturnInfo(string? rawCode, string text, IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> items)
    {
        RawCode = rawCode;
        Text = text;
        Items = items;
        Code = int.TryParse(rawCode, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : null;
    }

    /// <summary>The <c>CODE</c> as sent. Qualys sometimes puts a success sentence there (scan report template create v2:
    /// "Scan Report Template(s) Created Successfully [89876]"), so only a number counts as an error code.</summary>
    public string? RawCode { get; }

    /// <summary>The numeric <c>CODE</c>, or null.</summary>
    public int? Code { get; }

    public string Text { get; }

    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Items { get; }

    /// <summary>The first value of the item with <paramref name="key"/>, or null.</summary>
    public string? Item(string key)
    {
        foreach (var item in Items)
        {
            if (item.Key == key && item.Value.Count > 0)
            {
                return item.Value[0];
            }
        }

        return null;
    }
}
