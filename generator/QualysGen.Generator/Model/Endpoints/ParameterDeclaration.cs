namespace QualysGen.Generator.Model;

/// <summary>One parameter as a spec declares it, in an endpoint, a version or a parameter group.</summary>
/// <param name="WireName">The name on the wire (<c>frequency_days</c>), the key of its entry.</param>
/// <param name="Location">Where the key is.</param>
/// <param name="PropertyName">The C# property name the spec chose, or null to derive it from <paramref name="WireName"/>.</param>
/// <param name="Type">Its type.</param>
/// <param name="InPath">Whether the value goes into the path (<c>{name}</c> in the path template) rather than the query or form.</param>
/// <param name="Required">Whether every request must give it.</param>
/// <param name="Min">The smallest value allowed (numbers, and each item of a number list), or null.</param>
/// <param name="Max">The largest value allowed, or null.</param>
/// <param name="MaxLength">The most characters a text may have, or null.</param>
/// <param name="Default">The value the service assumes when the parameter is not sent (used by rule conditions, never sent), or null.</param>
/// <param name="Description">Its documentation, from the seed's parameter table.</param>
internal sealed record ParameterDeclaration(
    string WireName,
    SourceLocationSpec Location,
    string? PropertyName,
    ParameterTypeDeclaration Type,
    bool InPath,
    bool Required,
    long? Min,
    long? Max,
    int? MaxLength,
    ParameterValueDeclaration? Default,
    string? Description);
