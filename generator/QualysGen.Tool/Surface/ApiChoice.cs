using System.Collections.Generic;

namespace QualysGen.Tool.Surface;

/// <summary>A choice group of a class: the property that says which branch came, its enum, and the branches.</summary>
/// <param name="PropertyName">The property (<c>Choice</c>).</param>
/// <param name="EnumName">The enum type of that property.</param>
/// <param name="Branches">The enum member of each branch, with the elements that select it.</param>
/// <param name="Required">Whether one branch must come.</param>
internal sealed record ApiChoice(string PropertyName, string EnumName, IReadOnlyList<ApiChoiceBranch> Branches, bool Required);
