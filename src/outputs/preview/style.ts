/** The preview pages' stylesheet, inlined into every page so each file stands alone. Colours follow CloudWatch's light theme. */
export const PREVIEW_STYLE = `
*{box-sizing:border-box}
body{margin:0;font:13px/1.4 "Amazon Ember","Helvetica Neue",Arial,sans-serif;color:#16191f;background:#f2f3f3}
.top{padding:12px 16px;background:#fff;border-bottom:1px solid #d5dbdb}
.top h1{margin:0 0 4px;font-size:20px;font-weight:700}
.meta{margin:0;color:#545b64}
.variables{display:flex;flex-wrap:wrap;gap:8px 16px;margin-top:10px}
.variable{display:flex;flex-direction:column;min-width:180px;max-width:560px}
.variable-label{font-weight:700}
.control{display:inline-block;margin:2px 0;padding:3px 8px;border:1px solid #aab7b8;border-radius:2px;background:#fff}
.control::after{content:" ▾";color:#545b64}
.variable-how{color:#687078;font-size:11px;word-break:break-all}
.grid{position:relative;margin:8px}
.widget{position:absolute;padding:4px}
.box{height:100%;overflow:hidden;padding:8px 10px;background:#fff;border:1px solid #d5dbdb;border-radius:2px}
.transparent .box{padding:2px 10px;background:transparent;border-color:transparent}
.has-notes .box{border-color:#d13212}
.widget h2{margin:0 0 2px;font-size:14px;font-weight:700;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.summary{margin:0 0 6px;color:#687078;font-size:11px}
.note{margin:0 0 4px;color:#d13212;font-size:11px}
.rows{list-style:none;margin:0;padding:0}
.row{margin:0 0 3px;font-size:11px;word-break:break-all}
.row.hidden{color:#879596}
.row-invalid{color:#d13212}
.swatch{display:inline-block;width:10px;height:10px;margin-right:5px;border-radius:2px;vertical-align:-1px}
.what{font-size:11px}
.dim{padding:0 4px;border-radius:2px;background:#eaeded}
.detail{color:#687078}
.annotation{margin:2px 0;color:#545b64;font-size:11px}
pre{margin:0;padding:6px;font-size:11px;white-space:pre-wrap;word-break:break-all;background:#f2f3f3;border-radius:2px}
.items{margin:0;padding-left:16px;font-size:11px}
.markdown h1{margin:0 0 6px;font-size:18px}
.markdown h2{margin:0 0 4px;font-size:15px}
.markdown p{margin:0 0 6px}
.markdown code{padding:0 3px;background:#eaeded;border-radius:2px}
.markdown a{color:#0073bb}
.index{background:#fff;margin:12px;padding:12px 28px;border:1px solid #d5dbdb}
.index li{margin:4px 0}
`;
