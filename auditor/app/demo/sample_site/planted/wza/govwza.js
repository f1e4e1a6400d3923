/* 无障碍浏览工具条 */
var govwza={toggle:function(){document.body.classList.toggle('wza');}};
