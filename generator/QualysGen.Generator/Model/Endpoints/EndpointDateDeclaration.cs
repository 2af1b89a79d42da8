using System.Globalization;

namespace QualysGen.Generator.Model;

/// <summary>A lifecycle date as the Qualys version tables give it: a month (<c>2025-12</c>), or a day (<c>2025-12-15</c>).</summary>
/// <param name="Year">The year.</param>
/// <param name="Month">The month, 1–12.</param>
/// <param name="Day">The day of the month, or 0 when only the month is known.</param>
internal sealed record EndpointDateDeclaration(int Year, int Month, int Day)
{
    private static readonly string[] MonthNames =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];

    /// <summary><c>December 2025</c> or <c>December 15, 2025</c>, as the Qualys documentation writes dates.</summary>
    public override string ToString()
        => Day == 0
            ? MonthNames[Month - 1] + " " + Year.ToString(CultureInfo.InvariantCulture)
            : MonthNames[Month - 1] + " " + Day.ToString(CultureInfo.InvariantCulture) + ", " + Year.ToString(CultureInfo.InvariantCulture);
}
