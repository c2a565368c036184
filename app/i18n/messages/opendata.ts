/**
 * Strings of open data and the national reporting export (issue 18): the public /open-data page and
 * /statistics/national-export. English must have every key (the type checker enforces it).
 */
export const zh = {
  "opendata.footer": "开放数据",
  "opendata.title": "开放数据",
  "opendata.description": "贵州省残疾人就业规划指标和按比例就业公示汇总的开放数据，CSV 和 JSON 格式，按 CC BY 4.0 许可使用。",
  "opendata.lead": "这里公布的是汇总数字，不含任何个人的信息。任何人都可以下载、使用和转载，只需注明来源。",
  "opendata.datasets": "数据集",
  "opendata.download": "下载：",
  "opendata.csv": "CSV 格式",
  "opendata.json": "JSON 格式",
  "opendata.columns": "各列含义",
  "opendata.column.key": "列名",
  "opendata.column.meaning": "含义",
  "opendata.indicators.title": "残疾人就业规划指标（按市州和年份）",
  "opendata.indicators.text":
    "最近 {years} 个年度（含本年度）全省和各市（州）的规划指标实际数，与统计页面使用同一套计算方法：过去的年度截至当年 12 月 31 日，本年度截至今天。计数指标给出人数、场次或单位数；比率指标给出分子、分母和比率（0 到 1 之间的小数）。每条指标怎样计算，见统计页面的指标说明。",
  "opendata.disclosure.title": "按比例就业公示汇总（按市州和审核年度）",
  "opendata.disclosure.text":
    "只来自已经发布的按比例安排残疾人就业情况公示：每个审核年度全省和各市（州）公示的单位数，其中达标、免征（在职职工 30 人以下的小微企业）和未达标的单位数，以及达标比例。各单位的具体情况见",
  "opendata.disclosure.link": "按比例就业公示",
  "opendata.licence.title": "许可",
  "opendata.licence.text":
    "这些数据按知识共享署名 4.0 国际许可协议（CC BY 4.0）提供：可以复制、转载、修改和用于商业目的，但须注明来源“黔程 · 贵州省残疾人就业服务平台”，并说明是否作过修改。",
  "opendata.licence.link": "CC BY 4.0 许可协议全文（英文）",
  "opendata.suppression.title": "小数抑制：不会认出任何个人",
  "opendata.suppression.small": "每一个计数单元格，数值为 1 到 4 时显示为“<5”。0 照常显示：0 表示没有人，不涉及任何个人。",
  "opendata.suppression.secondary":
    "如果用合计减去其他单元格就能算出被隐去的数值（例如一个市州只有一项被隐去，全省合计又已公布），会再隐去一个单元格，显示为“x”。被标为“x”的数值都不小于 5；0 不会被隐去。",
  "opendata.suppression.rates": "由被隐去的计数算出的比率不公布（留空）；比率的分母减去分子为 1 到 4 时，分子也会被隐去。",
  "opendata.format.title": "文件格式",
  "opendata.format.csv":
    "CSV 文件使用 UTF-8 编码（带字节顺序标记，电子表格软件可以直接打开中文），第一行是以“#”开头的许可说明行（许可、来源、生成时间、小数抑制的标记），第二行是列名，之后每行一条数据。用程序读取时可以把“#”开头的行当作注释跳过，例如 pandas 的 comment=\"#\"。",
  "opendata.format.json":
    "JSON 文件是一个对象：licence（许可）、licenceUrl、source（来源）、generatedAt（生成时间）、suppression（小数抑制说明和标记）、columns（各列的中英文含义）和 rows（数据行）。被隐去的单元格是字符串“<5”或“x”，其他计数是数字。",
  "opendata.format.refresh": "数据每小时最多重新计算一次。",
} as const;

export const nationalZh = {
  "nationalExport.nav": "全国实名数据报送导出",
  "nationalExport.title": "全国实名数据报送导出",
  "nationalExport.lead":
    "按文档规定的列（与实名数据导入相同）导出本地区残疾人的信息、就业记录、培训和服务记录，用于向全国残疾人就业创业网络服务平台报送。包括：导入的实名制人员（尚未注册账户的），以及本地区已同意敏感信息处理的注册求职者。",
  "nationalExport.sensitive": "导出文件含有身份证号、残疾人证号和残疾信息，属于敏感个人信息。每次导出都会记录导出人、地区、格式和人数，文件中的注册求职者可以在自己的访问记录中看到这次导出。请妥善保管文件，报送后删除。",
  "nationalExport.form.title": "导出",
  "nationalExport.region": "地区",
  "nationalExport.regionHint": "您管理的地区或其下级地区",
  "nationalExport.format": "格式",
  "nationalExport.format.xlsx": "XLSX（每类记录一个工作表：人员、就业记录、培训、服务）",
  "nationalExport.format.csv": "CSV（仅人员文件，含就业状况、就业形式和就业单位列）",
  "nationalExport.submit": "导出并下载",
  "nationalExport.recent": "最近的导出",
  "nationalExport.recent.none": "还没有导出记录。",
  "nationalExport.col.at": "时间",
  "nationalExport.col.who": "导出人",
  "nationalExport.col.region": "地区",
  "nationalExport.col.format": "格式",
  "nationalExport.col.people": "人数",
  "nationalExport.err.region": "请选择您管理范围内的地区",
  "nationalExport.err.format": "请选择导出格式",
  "nationalExport.back": "返回统计",
} as const;
