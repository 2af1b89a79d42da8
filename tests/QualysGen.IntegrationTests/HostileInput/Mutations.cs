using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace QualysGen.IntegrationTests.HostileInput;

/// <summary>The mutations of the fuzz test. Each returns its name, the mutated bytes and the offset of the first changed byte.</summary>
internal static class Mutations
{
    private static readonly byte[] Interesting = "<>/&;]['\"=?!-\n\r\t \0"u8.ToArray().Concat(new byte[] { 0x80, 0xC3, 0xE2, 0xEF, 0xFF, 0x0C, 0x01 }).ToArray();

    private static readonly string[] Fragments =
    [
        "</a>", "</SCAN>", "</ITEM>", "</data>", "<SCAN>", "<ITEM>", "<WasScan>", "<!--", "-->", "<![CDATA[", "]]>", "<?pi x?>",
        "<!DOCTYPE a [<!-- it's -->]>", "&amp;", "&undefined;", "&#0;", "&#x110000;", "<a b='>'>", "\"", "'", "<?xml version=\"1.0\"?>",
        "\uFEFF", "<ID>x</ID>", "<id>-1</id>", "\u00e9", "<a/>",
    ];

    public static (string Name, byte[] Bytes, int FirstChange) Apply(byte[] input, Random random)
    {
        var at = random.Next(input.Length + 1);
        switch (random.Next(12))
        {
            case 0:
            {
                var bytes = (byte[])input.Clone();
                at = Math.Min(at, bytes.Length - 1);
                bytes[at] = random.Next(2) == 0 ? (byte)(bytes[at] ^ (1 << random.Next(8))) : Interesting[random.Next(Interesting.Length)];
                return ($"byte {at} changed to 0x{bytes[at]:x2}", bytes, at);
            }

            case 1:
            {
                var inserted = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Interesting[random.Next(Interesting.Length)]).ToArray();
                return ($"{inserted.Length} bytes inserted at {at}", Splice(input, at, 0, inserted), at);
            }

            case 2:
            {
                var length = Math.Min(random.Next(1, 40), input.Length - at);
                return ($"{length} bytes deleted at {at}", Splice(input, at, length, []), at);
            }

            case 3:
            {
                // A tag (or a whole element's start, end and what lies between) copied to another place.
                var (start, end) = Tag(input, random);
                var copy = input[start..end];
                at = TagBoundary(input, random);
                return ($"{Encoding.UTF8.GetString(copy)} duplicated at {at}", Splice(input, at, 0, copy), at);
            }

            case 4:
            {
                var fragment = Encoding.UTF8.GetBytes(Fragments[random.Next(Fragments.Length)]);
                at = random.Next(2) == 0 ? TagBoundary(input, random) : at;
                return ($"'{Encoding.UTF8.GetString(fragment)}' inserted at {at}", Splice(input, at, 0, fragment), at);
            }

            case 5:
            {
                var junk = Encoding.UTF8.GetBytes(new[] { "x", "<a/>", "\f", "</SIMPLE_RETURN>", "<!-- -- -->", "<?xml?>", "&amp;", "]]>" }[random.Next(8)]);
                return ($"'{Encoding.UTF8.GetString(junk)}' after the root", input.Concat(junk).ToArray(), input.Length);
            }

            case 6:
            {
                var whitespace = Encoding.ASCII.GetBytes(new string(" \n\t\r"[random.Next(4)], random.Next(20_000, 150_000)));
                at = TagBoundary(input, random);
                return ($"{whitespace.Length} whitespace bytes at {at}", Splice(input, at, 0, whitespace), at);
            }

            case 7:
            {
                var depth = random.Next(100, 3000);
                var nested = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", random.Next(2) == 0 ? depth : depth - 1)));
                at = TagBoundary(input, random);
                return ($"{depth} nested elements at {at}", Splice(input, at, 0, nested), at);
            }

            case 8:
            {
                var (start, end) = Tag(input, random);
                return ($"tag at {start} deleted", Splice(input, start, end - start, []), start);
            }

            case 9:
            {
                // Two mutations at once.
                var (first, bytes, change) = Apply(input, random);
                var (second, twice, change2) = Apply(bytes, random);
                return ($"{first}, then {second}", twice, Math.Min(change, change2));
            }

            case 10:
            {
                var length = random.Next(1, Math.Max(2, input.Length - at));
                var end = Math.Min(input.Length, at + length);
                var copy = input[at..end];
                return ($"{copy.Length} bytes at {at} repeated", Splice(input, end, 0, copy), end);
            }

            default:
            {
                at = Math.Min(at, input.Length - 1);
                return ($"cut at {at} and '{(char)input[at]}' kept", input[..at].Append(input[^1]).ToArray(), at);
            }
        }
    }

    private static byte[] Splice(byte[] input, int at, int remove, byte[] insert)
        => [.. input.AsSpan(0, at), .. insert, .. input.AsSpan(at + remove)];

    /// <summary>A random tag: from a '&lt;' to its '>'.</summary>
    private static (int Start, int End) Tag(byte[] input, Random random)
    {
        var starts = Positions(input, (byte)'<');
        if (starts.Count == 0)
        {
            return (0, 0);
        }

        var start = starts[random.Next(starts.Count)];
        var end = Array.IndexOf(input, (byte)'>', start);
        return (start, end < 0 ? input.Length : end + 1);
    }

    /// <summary>A random place just before a '&lt;'.</summary>
    private static int TagBoundary(byte[] input, Random random)
    {
        var starts = Positions(input, (byte)'<');
        return starts.Count == 0 ? 0 : starts[random.Next(starts.Count)];
    }

    private static List<int> Positions(byte[] input, byte value)
    {
        var list = new List<int>();
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] == value)
            {
                list.Add(i);
            }
        }

        return list;
    }
}
