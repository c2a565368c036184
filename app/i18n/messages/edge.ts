/**
 * Strings of the server's edge (issue 12): answers given before a request reaches a page — input refused at the
 * edge, the database unavailable. The server renders them on a page of its own (server/pages.ts).
 */
export const zh = {
  "edge.backHome": "返回首页",
  "edge.goBack": "请返回上一页，检查后重新提交。",
  "edge.status": "错误代码：{status}",
  "edge.body_too_large.title": "提交的内容太大",
  "edge.body_too_large.text": "这次提交的内容超过了网站能接收的大小，没有保存。",
  "edge.unsupported_media_type.title": "无法读取提交的内容",
  "edge.unsupported_media_type.text": "这个地址只接收网页表单提交的内容，没有保存任何东西。",
  "edge.malformed_body.title": "提交的内容不完整",
  "edge.malformed_body.text": "提交的表单无法读取，可能在传输中被截断了，没有保存任何东西。",
  "edge.too_many_fields.title": "提交的项目太多",
  "edge.too_many_fields.text": "这次提交包含的项目超过了网站能接收的数量，没有保存任何东西。",
  "edge.index_too_large.title": "提交的列表太长",
  "edge.index_too_large.text": "表单中的一个列表超过了 1000 行，没有保存任何东西。",
  "edge.name_too_long.title": "提交的项目名称太长",
  "edge.name_too_long.text": "表单中有一项的名称超过了 200 个字符，没有保存任何东西。",
  "edge.nul_byte.title": "提交的内容含有无效字符",
  "edge.nul_byte.text": "提交的内容或网址里有一个空字符（NUL），网站无法保存它。请删除这个字符后再提交。",
  "edge.bad_path.title": "网址无效",
  "edge.bad_path.text": "这个网址含有无法识别的字符。请检查网址，或返回首页。",
  "edge.unavailable.title": "服务暂时不可用",
  "edge.unavailable.text": "网站暂时连接不上数据库，您这次的操作没有完成，也没有保存。请稍等片刻后刷新页面再试。",
  "edge.unavailable.help": "如果问题持续，请拨打残疾人服务热线 12385。",
} as const;
