using System.Collections.Generic;

namespace QualysGen.Tool.Surface;

/// <summary>One branch of a choice: the enum member and the elements that mean it came.</summary>
internal sealed record ApiChoiceBranch(string MemberName, IReadOnlyList<string> XmlNames);
