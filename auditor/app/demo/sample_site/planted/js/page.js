/* TRS WCM 分页：createPageHTML(总页数, 当前页(从0开始), 文件名前缀, 扩展名) */
function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt) {
  if (_nPageCount == null || _nPageCount <= 1) { return; }
  var first = _sPageName + "." + _sPageExt;
  var name = function (n) { return n == 0 ? first : _sPageName + "_" + n + "." + _sPageExt; };
  var html = "共" + _nPageCount + "页　";
  html += _nCurrIndex == 0 ? "首页 上一页 " : "<a href='" + first + "'>首页</a> <a href='" + name(_nCurrIndex - 1) + "'>上一页</a> ";
  html += _nCurrIndex + 1 >= _nPageCount ? "下一页 尾页" :
      "<a href='" + name(_nCurrIndex + 1) + "'>下一页</a> <a href='" + name(_nPageCount - 1) + "'>尾页</a>";
  document.write(html);
}
