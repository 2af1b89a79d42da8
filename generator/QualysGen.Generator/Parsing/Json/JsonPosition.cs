namespace QualysGen.Generator.Parsing.Json;

/// <summary>
/// Where a piece of JSON text is: a UTF-16 offset and length into the parsed string, and the
/// zero-based line and column of its first character. Columns count UTF-16 chars from the start
/// of the line; "\r\n", "\n" and a lone "\r" each end a line.
/// </summary>
internal readonly record struct JsonPosition(int Offset, int Length, int Line, int Column);
