namespace QualysGen.Generator.Parsing.Dtd;

/// <summary>Character classes of the XML 1.0 (fifth edition) grammar that the DTD reader needs.</summary>
internal static class DtdCharacters
{
    /// <summary>XML <c>S</c>: space, tab, carriage return or line feed.</summary>
    public static bool IsWhitespace(char c) => c == ' ' || c == '\t' || c == '\n' || c == '\r';

    /// <summary>XML <c>NameStartChar</c>. Surrogates are accepted so that names may use characters beyond the BMP.</summary>
    public static bool IsNameStartChar(char c)
    {
        if (c < 0x80)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
        }

        return (c >= 0xC0 && c <= 0xD6)
            || (c >= 0xD8 && c <= 0xF6)
            || (c >= 0xF8 && c <= 0x2FF)
            || (c >= 0x370 && c <= 0x37D)
            || (c >= 0x37F && c <= 0x1FFF)
            || (c >= 0x200C && c <= 0x200D)
            || (c >= 0x2070 && c <= 0x218F)
            || (c >= 0x2C00 && c <= 0x2FEF)
            || (c >= 0x3001 && c <= 0xDFFF)
            || (c >= 0xF900 && c <= 0xFDCF)
            || (c >= 0xFDF0 && c <= 0xFFFD);
    }

    /// <summary>XML <c>NameChar</c>.</summary>
    public static bool IsNameChar(char c)
    {
        if (c < 0x80)
        {
            return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '_' || c == ':' || c == '-' || c == '.';
        }

        return IsNameStartChar(c)
            || c == 0xB7
            || (c >= 0x300 && c <= 0x36F)
            || (c >= 0x203F && c <= 0x2040);
    }

    /// <summary>XML <c>Char</c>: whether a code point may appear in a document (used for character references).</summary>
    public static bool IsXmlChar(int codePoint)
        => codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
        || (codePoint >= 0x20 && codePoint <= 0xD7FF)
        || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
        || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
}
