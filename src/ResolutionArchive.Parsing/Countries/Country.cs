namespace ResolutionArchive.Parsing.Countries;

/// <summary>
/// A UN member or observer state, one row of <c>un-member-states.csv</c> (see <c>Countries/un-member-states.SOURCES.md</c>).
/// </summary>
/// <param name="Iso2">ISO 3166-1 alpha-2 code.</param>
/// <param name="Iso3">ISO 3166-1 alpha-3 code: the archive's country key everywhere.</param>
/// <param name="M49">UN M49 numeric code, three digits.</param>
/// <param name="NameEn">English short name (UNTERM).</param>
/// <param name="NameZh">Official UN Chinese short name (UNTERM), the form printed in vote lists.</param>
/// <param name="AliasesZh">Other Chinese names seen in UN texts (formal names, earlier short names).</param>
public sealed record Country(string Iso2, string Iso3, string M49, string NameEn, string NameZh, IReadOnlyList<string> AliasesZh);
