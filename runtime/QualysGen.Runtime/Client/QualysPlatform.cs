namespace QualysGen.Client;

/// <summary>
/// The Qualys cloud platforms. Find yours from the platform identifier in your user name or on
/// https://www.qualys.com/platform-identification; a private cloud platform takes <see cref="QualysClientOptions.ApiServerUrl"/>
/// and <see cref="QualysClientOptions.GatewayUrl"/> instead.
/// </summary>
public enum QualysPlatform
{
    /// <summary>US Platform 1: qualysapi.qualys.com.</summary>
    US1,

    /// <summary>US Platform 2: qualysapi.qg2.apps.qualys.com.</summary>
    US2,

    /// <summary>US Platform 3: qualysapi.qg3.apps.qualys.com.</summary>
    US3,

    /// <summary>US Platform 4: qualysapi.qg4.apps.qualys.com.</summary>
    US4,

    /// <summary>EU Platform 1: qualysapi.qualys.eu.</summary>
    EU1,

    /// <summary>EU Platform 2: qualysapi.qg2.apps.qualys.eu.</summary>
    EU2,

    /// <summary>EU Platform 3 (Italy): qualysapi.qg3.apps.qualys.it.</summary>
    EU3,

    /// <summary>India Platform 1: qualysapi.qg1.apps.qualys.in.</summary>
    IN1,

    /// <summary>Canada Platform 1: qualysapi.qg1.apps.qualys.ca.</summary>
    CA1,

    /// <summary>UAE Platform 1: qualysapi.qg1.apps.qualys.ae.</summary>
    AE1,

    /// <summary>UK Platform 1: qualysapi.qg1.apps.qualys.co.uk.</summary>
    UK1,

    /// <summary>Australia Platform 1: qualysapi.qg1.apps.qualys.com.au.</summary>
    AU1,

    /// <summary>KSA Platform 1: qualysapi.qg1.apps.qualysksa.com.</summary>
    KSA1,
}
