namespace QualysGen.Generator.Parsing.Json;

/// <summary>
/// Why a JSON text could not be parsed, located at the offending text: <see cref="JsonPosition.Length"/>
/// is at least 1 where there is a character, and 0 at the end of the input. Line and column numbers
/// quoted inside <see cref="Message"/> are one-based, for people to read.
/// </summary>
internal sealed record JsonSyntaxError(string Message, JsonPosition Position);
