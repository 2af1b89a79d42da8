using System;
using System.Collections.Generic;
using System.Globalization;

namespace QualysGen.Generator.Binding.Endpoints;

/// <summary>Orders versions by their numeric parts (<c>10.0</c> after <c>7.0</c>), then ordinally.</summary>
internal sealed class VersionComparer : IComparer<string>
{
    public static readonly VersionComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = (x ?? "").Split('.');
        var b = (y ?? "").Split('.');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "0";
            var right = i < b.Length ? b[i] : "0";
            var leftIsNumber = long.TryParse(left, NumberStyles.None, CultureInfo.InvariantCulture, out var l);
            var rightIsNumber = long.TryParse(right, NumberStyles.None, CultureInfo.InvariantCulture, out var r);
            var order = leftIsNumber && rightIsNumber ? l.CompareTo(r) : string.CompareOrdinal(left, right);
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }
}
