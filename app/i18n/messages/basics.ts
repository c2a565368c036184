/**
 * The public-service basics (issue 15): the accessibility statement, the privacy notice, contact and helpline, the
 * feedback form and its handling by the federation. English must have every key (the type checker enforces it).
 */
export const zh = {
  "basics.toc": "本页内容",
  "basics.helpline": "12385",

  // --- accessibility statement -------------------------------------------------------------------------------------
  "basics.a11y.title": "无障碍声明",
  "basics.a11y.description": "黔程的无障碍声明：本站的无障碍标准、我们怎样检查、还有哪些已知问题，以及遇到障碍时怎样告诉我们。",
  "basics.a11y.lead":
    "我们希望每个人都能使用黔程，包括视力、听力、言语、肢体、智力和精神残疾的朋友。这份声明说明本站的无障碍目标、我们怎样检查、还有哪些已知问题，以及遇到障碍时怎样告诉我们。",

  "basics.a11y.standard.title": "我们的目标",
  "basics.a11y.standard.text":
    "本站以《Web 内容无障碍指南》（WCAG）2.2 版 AA 级和国家标准 GB/T 37668-2019《信息技术 互联网内容无障碍可访问性技术要求与测试方法》为目标，并按照《中华人民共和国无障碍环境建设法》的要求提供无障碍的信息服务。",
  "basics.a11y.standard.status":
    "本站部分符合上述标准：自动检查要求每个被检查的页面都没有违反规则的地方，但还有下面“已知问题”中列出的不足。",

  "basics.a11y.use.title": "您可以这样使用本站",
  "basics.a11y.use.keyboard": "只用键盘就能完成全部操作，当前位置（焦点）始终看得见。每个页面开头都有“跳到主要内容”链接。",
  "basics.a11y.use.screenReader": "页面有清楚的标题层级和区域名称；表单的每一项都有文字标签；填错时，页面顶部会列出所有错误，并链接到要修改的地方。",
  "basics.a11y.use.noScript": "不开启 JavaScript 也能注册、登录、找工作、申请岗位和报名招聘会。",
  "basics.a11y.use.zoom": "页面放大到 200%，或在 320 像素宽的手机上使用时，内容会重新排列，不需要左右滚动整个页面；较宽的数据表格可以在表格里左右滚动。",
  "basics.a11y.use.time": "填写表单没有时间限制，本站也不使用验证码。",
  "basics.a11y.use.language": "全部内容都有中文和英文两种语言。",

  "basics.a11y.modes.title": "三种显示模式",
  "basics.a11y.modes.text": "在每个页面的顶部都可以开启或关闭下面的模式，不需要登录。开启后在这台设备上一直有效；登录后，也会保存在您的账户里。",
  "basics.a11y.modes.largeText": "大字模式",
  "basics.a11y.modes.largeText.text": "所有文字放大约 1.3 倍，页面跟着重新排列。",
  "basics.a11y.modes.highContrast": "高对比度",
  "basics.a11y.modes.highContrast.text": "黑色背景、白色文字、黄色链接，选择框和按钮也一样清楚。",
  "basics.a11y.modes.easyRead": "易读模式",
  "basics.a11y.modes.easyRead.text":
    "句子短，一行只说一件事，图标旁边都有文字，最重要的按钮放在最前面。找工作、岗位详情、申请岗位、招聘会和注册页面有易读版本。",

  "basics.a11y.testing.title": "我们怎样检查",
  "basics.a11y.testing.automated":
    "自动测试：每次修改网站后，自动测试在 Chromium 浏览器里走一遍求职者、用人单位和工作人员的主要操作，并在经过的每个页面状态上（包括填错后的提示）用 axe 检查 WCAG 2.0、2.1 和 2.2 的 A 级和 AA 级规则，中文和英文、各种显示模式都检查。发现任何一个问题，测试就不能通过。",
  "basics.a11y.testing.noScript": "关闭 JavaScript：主要流程在关闭了 JavaScript 的浏览器里再走一遍。",
  "basics.a11y.testing.keyboard": "键盘：自动测试检查“跳到主要内容”链接，以及部分页面操作后键盘焦点落在哪里。",
  "basics.a11y.testing.manual":
    "人工检查：2026 年 12 月，我们以新用户的身份，用 Lighthouse、W3C 的 Nu Html Checker、只用键盘、320 像素宽度和 200% 缩放检查了各类用户的主要页面，并按检查结果改进了导航、表单和手机上的显示。",

  "basics.a11y.known.title": "已知问题",
  "basics.a11y.known.screenReaders":
    "读屏软件：我们还没有请读屏软件用户用 NVDA、安卓手机和苹果手机自带的读屏功能等做系统的测试。页面是按标准编写的，但可能还有用起来不方便的地方。",
  "basics.a11y.known.charts": "图表：统计页面的图表是图片。每张图表旁边有文字说明，后面有数据表格；准确的数字请看表格。",
  "basics.a11y.known.userContent":
    "别人填写的内容：岗位介绍、招聘会说明等由用人单位和工作人员填写。我们要求写清楚工作便利和地点，但不能保证每段文字都简单易懂。",
  "basics.a11y.known.downloads":
    "下载的文件：统计报表和公示名单可以下载为 Excel 或 CSV 文件。这些文件有表头，但还没有逐一检查读屏软件用起来是否方便。",
  "basics.a11y.known.signLanguage": "手语：网站还没有手语视频。需要帮助的聋人朋友可以通过在线反馈用文字联系我们。",
  "basics.a11y.known.easyRead": "易读版本：只有上面列出的几个页面有易读版本，其他页面还没有。",

  "basics.a11y.report.title": "遇到障碍，请告诉我们",
  "basics.a11y.report.text": "如果您在使用本站时遇到任何障碍，请告诉我们：是哪个页面，您想做什么，用的是什么设备或辅助软件。不用登录。",
  "basics.a11y.report.link": "反馈无障碍问题",
  "basics.a11y.report.phone": "也可以拨打全国残疾人服务热线",
  "basics.a11y.report.response":
    "如果您留下了联系方式，我们会在 5 个工作日内答复。一时改不好的问题，我们会告诉您其他办法，例如请就业服务机构的工作人员帮您办理。",

  "basics.a11y.about.title": "关于本声明",
  "basics.a11y.about.reviewed": "本声明最近一次审核：{date}。网站有较大改动时，我们会重新检查并更新本声明。",

  // --- privacy notice ----------------------------------------------------------------------------------------------
  "basics.privacy.title": "隐私政策",
  "basics.privacy.description":
    "黔程怎样处理您的个人信息：收集什么、为什么收集、谁能看到、保存多久，以及您依照《个人信息保护法》享有的查阅、更正、删除、下载等权利。",
  "basics.privacy.lead":
    "这份政策说明黔程收集您的哪些个人信息、为什么收集、谁能看到、保存多久，以及您依照《中华人民共和国个人信息保护法》享有的权利。",
  "basics.privacy.updated": "最近更新：{date}",

  "basics.privacy.controller.title": "谁负责处理您的信息",
  "basics.privacy.controller.text":
    "黔程由贵州省残疾人联合会（以下简称“残联”）提供，残联是本站个人信息的处理者。对本政策有疑问，或者想行使下面说的权利，可以在线反馈或拨打 12385 与我们联系。",
  "basics.privacy.controller.contact": "联系我们",

  "basics.privacy.collect.title": "我们收集哪些信息",
  "basics.privacy.collect.account": "账户信息",
  "basics.privacy.collect.account.text": "手机号或电子邮箱，密码（只保存无法还原的加密摘要），身份（求职者、用人单位或工作人员），语言和显示模式。",
  "basics.privacy.collect.profile": "求职档案（求职者自己填写）",
  "basics.privacy.collect.profile.text":
    "姓名、身份证号、性别和出生日期、户籍地和现居住地、城镇或农村、学历和毕业信息、技能和证书、需要的工作便利、不能做的工作内容、工作意向和期望薪资、家庭情况（如零就业家庭、低保家庭、建档立卡贫困户）。",
  "basics.privacy.collect.disability": "残疾信息",
  "basics.privacy.collect.disability.text": "残疾类别、残疾等级和残疾人证号。这是敏感个人信息（《个人信息保护法》第二十八条）。",
  "basics.privacy.collect.applications": "申请和就业",
  "basics.privacy.collect.applications.text":
    "申请了哪些岗位、写给单位的话、选择告诉单位的信息、面试需要的便利，以及录用后的就业记录（合同期限、社会保险、月工资）。",
  "basics.privacy.collect.services": "就业服务记录",
  "basics.privacy.collect.services.text":
    "就业指导员为您制定的就业计划、服务记录、职业能力评估、实名制核查，以及培训、招聘会、技能竞赛和创业扶持的记录，您和就业指导员之间的消息。",
  "basics.privacy.collect.employers": "用人单位的信息",
  "basics.privacy.collect.employers.text": "单位名称、统一社会信用代码、地址、联系人，以及按比例安排残疾人就业年审申报中的残疾职工名单。",
  "basics.privacy.collect.security": "安全记录",
  "basics.privacy.collect.security.text": "登录和注册的尝试（时间和网络地址），以及审计日志：谁在什么时候查看或修改了他人的信息。",
  "basics.privacy.collect.feedback": "意见反馈",
  "basics.privacy.collect.feedback.text": "您写的内容、相关的页面、您留下的联系方式和使用的语言；如果您已登录，还会记下是哪个账户发送的。",
  "basics.privacy.collect.cookies": "Cookie",
  "basics.privacy.collect.cookies.text": "只有三个必需的 Cookie：登录状态、语言和显示模式。本站不使用广告或访问统计 Cookie，也没有第三方跟踪代码。",

  "basics.privacy.why.title": "为什么收集",
  "basics.privacy.why.matching":
    "为您推荐合适的岗位：用您需要的工作便利、不能做的工作内容、技能、地点和薪资意向判断岗位是否适合您。残疾类别和等级从不用于筛选或排序岗位和求职者。",
  "basics.privacy.why.certificates":
    "核对证件：身份证号和残疾人证号用来核对两者是否一致（残疾人证号的前 18 位就是身份证号）；同一个号码不能被两个账户使用，防止冒用。",
  "basics.privacy.why.quota": "按比例就业和统计：录用后，单位按残疾等级计算安排残疾人就业的人数；残联统计全省残疾人就业情况。",
  "basics.privacy.why.services": "就业服务：就业指导员为您制定计划、推荐岗位、跟进就业情况。",
  "basics.privacy.why.security": "安全：限制恶意登录和滥用，发现和调查异常的访问。",
  "basics.privacy.why.feedback": "改进服务：阅读并答复意见反馈。",

  "basics.privacy.basis.title": "处理依据和您的同意",
  "basics.privacy.basis.consent": "您注册账户、填写档案，就是同意我们为上面的目的处理您填写的信息。",
  "basics.privacy.basis.sensitive":
    "残疾信息需要您的单独同意（《个人信息保护法》第二十九条）：保存残疾类别、等级和证号以前，您必须勾选同意，我们记下同意的时间。建档立卡贫困户的信息也需要单独同意。",
  "basics.privacy.basis.discoverable": "让用人单位搜索到您的匿名档案，默认是关闭的，由您自己决定是否开启。",
  "basics.privacy.basis.perApplication": "每次申请岗位时，由您选择告诉这个单位哪些信息，每份申请分别选择。",
  "basics.privacy.basis.staff":
    "就业指导员和残联工作人员在提供就业服务、审核和统计时做的记录，是残联履行残疾人就业服务职责所需要的。家庭成员的信息要在家庭同意后才记录。",

  "basics.privacy.who.title": "谁能看到您的信息",
  "basics.privacy.who.you": "您自己：可以看到和修改档案中的全部信息。",
  "basics.privacy.who.employers": "用人单位：",
  "basics.privacy.who.employers.discoverable":
    "您开启“让用人单位找到我”后，用人单位只能看到匿名档案：需要的工作便利、技能、学历、现居住的县（市、区）和毕业年份。看不到姓名、身份证号、残疾人证号、残疾类别和等级、手机号和电子邮箱。",
  "basics.privacy.who.employers.apply":
    "您申请岗位时，这个单位能看到您的匿名档案，以及您在这份申请中选择告诉它的信息（姓名、联系方式、残疾类别和等级、残疾人证号）。请注意：告诉单位残疾人证号，也就告诉了它身份证号。撤回申请后，单位就看不到您选择告诉它的信息了。",
  "basics.privacy.who.employers.hire": "被录用后：如果您在这份申请中告诉了单位残疾信息或残疾人证号，就业记录会记下您的残疾等级，用于计算按比例就业人数。",
  "basics.privacy.who.counselors":
    "就业指导员：负责您的就业指导员可以查看和修改您的档案（包括残疾信息），为您制定计划、记录服务。同一地区的就业指导员和管理员在分配服务对象时，能看到姓名等基本信息。",
  "basics.privacy.who.admins":
    "残联管理员：本地区（省、市州、县）的管理员在审核用人单位、组织招聘会、审核按比例就业申报和做实名制统计时，能看到与这些工作有关的信息，例如统计名单上的姓名、报名招聘会时提出的便利需求。",
  "basics.privacy.who.feedback": "意见反馈：只有省残联的管理员能看到，联系方式只用来答复。",
  "basics.privacy.who.audit":
    "审计：除了您本人，任何人查看您的档案、残疾信息，或者在名单上看到您，都会记下是谁、什么时候、为什么。在“我的数据”页面可以看到这些记录（显示对方的身份）。",
  "basics.privacy.who.noSale": "我们不出售您的个人信息，也不把它用于广告；除法律、行政法规规定的情形外，不向平台以外的组织提供。",

  "basics.privacy.keep.title": "保存多久",
  "basics.privacy.keep.account": "账户和档案：保存到您删除账户为止。目前不会自动删除长期不用的账户。",
  "basics.privacy.keep.deletion":
    "求职者删除账户后：账户、档案、登录会话、通知、就业计划和服务记录、培训和招聘会报名、与就业指导员的消息立即删除。用人单位的申请记录和就业记录不再与您关联，其中您写的话和您选择告诉单位的信息会删除；就业记录继续用于按比例就业计算和统计。您发送的意见反馈会保留，但不再与您的账户关联。",
  "basics.privacy.keep.otherAccounts": "用人单位和工作人员的账户：目前不能在网站上自己注销，请联系我们办理。",
  "basics.privacy.keep.sessions": "登录会话：30 天不使用就自动失效。",
  "basics.privacy.keep.noLimit":
    "登录和注册尝试的记录、审计日志、意见反馈：目前还没有设定保存期限。审计日志需要留存，以便日后查明谁看过您的信息。定下保存期限后，我们会更新本政策。",

  "basics.privacy.rights.title": "您的权利",
  "basics.privacy.rights.signIn": "下面的页面需要先登录。我们会在 5 个工作日内答复您提出的请求。",
  "basics.privacy.rights.access": "查阅和复制（第四十五条）：“我的数据”页面列出黔程保存的关于您的全部信息，可以下载为 Excel 或 JSON 文件，也可以把文件交给其他服务机构。",
  "basics.privacy.rights.access.profile": "我的求职档案",
  "basics.privacy.rights.access.export": "我的数据",
  "basics.privacy.rights.correct": "更正和补充（第四十六条）：在求职档案中随时修改。就业指导员或单位记录的信息有错，请告诉您的就业指导员或联系我们。",
  "basics.privacy.rights.delete": "删除（第四十七条）：求职者可以自己删除账户。",
  "basics.privacy.rights.delete.link": "删除我的账户",
  "basics.privacy.rights.withdraw":
    "撤回同意（第十五条）：撤回对残疾信息的同意，残疾类别、等级和证号会被删除；随时关闭“让用人单位找到我”；撤回申请，单位就看不到您在那份申请中告诉它的信息。撤回不影响撤回以前已经进行的处理。",
  "basics.privacy.rights.withdraw.disability": "残疾信息",
  "basics.privacy.rights.withdraw.visibility": "让用人单位找到我",
  "basics.privacy.rights.explain": "要求解释（第四十八条）：对我们怎样处理您的信息有疑问，可以要求我们解释说明。",

  "basics.privacy.complain.title": "投诉",
  "basics.privacy.complain.text":
    "对我们处理您个人信息的方式有意见，请通过在线反馈或拨打 12385 告诉我们。对答复不满意，您可以向网信部门等履行个人信息保护职责的部门投诉、举报（第六十五条），也可以依法向人民法院提起诉讼（第五十条）。",
  "basics.privacy.complain.link": "在线反馈",

  "basics.privacy.security.title": "我们怎样保护您的信息",
  "basics.privacy.security.text":
    "密码用 argon2id 加密保存，登录会话只保存无法还原的摘要；每个页面和操作都先检查权限；登录和注册有次数限制；别人查看您的敏感信息都有审计记录。",

  "basics.privacy.changes.title": "本政策的更新",
  "basics.privacy.changes.text": "政策有变化时，我们会更新本页，并写明更新日期。",

  // --- contact -----------------------------------------------------------------------------------------------------
  "basics.contact.title": "联系我们",
  "basics.contact.description": "联系黔程和贵州省残疾人联合会：全国残疾人服务热线 12385，在线意见反馈，以及您的就业指导员。",
  "basics.contact.lead": "使用黔程遇到问题，或者需要就业方面的帮助，可以用下面的方式联系我们。",

  "basics.contact.phone.title": "打电话",
  "basics.contact.phone.name": "全国残疾人服务热线",
  "basics.contact.phone.text": "12385 是全国统一的残疾人服务热线，由残联提供服务。可以咨询就业、培训、康复、教育和权益保障，也可以说明您在使用黔程时遇到的困难。",

  "basics.contact.online.title": "在线反馈",
  "basics.contact.online.text": "不方便打电话，或者想说明某个页面的问题，可以在线填写意见反馈，不用登录。留下联系方式的，我们在 5 个工作日内答复。",
  "basics.contact.online.link": "填写意见反馈",

  "basics.contact.counselor.title": "您的就业指导员",
  "basics.contact.counselor.named": "您的就业指导员是{name}。可以在“我的就业计划”页面给指导员发消息。",
  "basics.contact.counselor.unnamed": "您已经有就业指导员。可以在“我的就业计划”页面给指导员发消息。",
  "basics.contact.counselor.link": "给就业指导员发消息",
  "basics.contact.counselor.none": "您现在还没有就业指导员。如果希望有人一对一帮您找工作，可以拨打 12385，或者到当地残联的就业服务机构申请。",

  "basics.contact.inPerson.title": "当面办理",
  "basics.contact.inPerson.text":
    "黔程由贵州省残疾人联合会的就业服务部门提供。各市（州）残联就业服务机构和县（市、区）残联都可以当面咨询、登记求职、申请就业服务；各地的地址和办公时间可以拨打 12385 查询。",
  "basics.contact.inPerson.institutions": "残联认定的培训基地、辅助性就业机构、盲人按摩机构等，见",
  "basics.contact.inPerson.institutionsLink": "残疾人就业认定机构名录",

  // --- feedback form -----------------------------------------------------------------------------------------------
  "basics.feedback.title": "意见反馈",
  "basics.feedback.description": "告诉我们您在使用黔程时遇到的无障碍障碍、问题或建议。不用登录；留下联系方式的，我们在 5 个工作日内答复。",
  "basics.feedback.lead": "告诉我们您在使用黔程时遇到的障碍、问题或建议。不用登录，每一条都有工作人员阅读。",
  "basics.feedback.phone": "想打电话说？请拨打全国残疾人服务热线",
  "basics.feedback.signedIn": "您已登录，这条反馈会和您的账户一起保存。",
  "basics.feedback.kind": "您要告诉我们的是",
  "basics.feedback.kind.barrier": "无障碍障碍：有地方用不了，例如读屏软件读不出来、键盘操作不了、看不清",
  "basics.feedback.kind.problem": "使用问题：出错了，或者不知道怎么操作",
  "basics.feedback.kind.suggestion": "建议",
  "basics.feedback.kind.other": "其他",
  "basics.feedback.page": "是哪个页面？",
  "basics.feedback.page.hint": "已经填上您刚才所在页面的地址。也可以写页面的名称，例如“找工作”。不清楚可以不填。",
  "basics.feedback.page.hintEmpty": "写页面的名称或网址，例如“找工作”。不清楚可以不填。",
  "basics.feedback.message": "具体情况",
  "basics.feedback.message.hint": "例如：您想做什么，遇到了什么，用的是什么设备或辅助软件。最多 2000 字。",
  "basics.feedback.contact": "您的手机号或电子邮箱",
  "basics.feedback.contact.hint": "想要我们答复，请留下联系方式。我们只用它答复这条反馈。",
  "basics.feedback.privacy": "我们怎样处理您的反馈和联系方式，请看",
  "basics.feedback.privacyLink": "隐私政策",
  "basics.feedback.submit": "发送反馈",

  "basics.sent.title": "反馈已收到",
  "basics.sent.description": "您的意见反馈已经收到。",
  "basics.sent.reference": "反馈编号",
  "basics.sent.referenceHint": "打电话询问时，请告诉工作人员这个编号。",
  "basics.sent.next": "接下来",
  "basics.sent.reply": "工作人员会阅读您的反馈，并在 5 个工作日内通过您留下的联系方式答复。",
  "basics.sent.noReply": "您没有留下联系方式，所以我们没法答复您，但工作人员会阅读每一条反馈。需要答复的话，可以再发一条并留下联系方式，或者拨打 12385。",
  "basics.sent.back": "回到您刚才的页面",
  "basics.sent.another": "再发一条反馈",
  "basics.sent.home": "回到首页",

  "basics.err.kindRequired": "请选择您要告诉我们的是哪一类",
  "basics.err.messageRequired": "请写下具体情况",
  "basics.err.messageLong": "内容最多 2000 字，请删减一些",
  "basics.err.pageLong": "页面最多写 300 个字",
  "basics.err.contactFormat": "请填写手机号、电话号码或电子邮箱，例如 13812345678 或 name@example.com",
  "basics.err.contactLong": "联系方式最多 100 个字符",
  "basics.err.tooManyAnonymous": "刚才有很多人发送反馈，请在 {time}（约 {minutes} 分钟后）再试。也可以登录后发送，或者拨打 12385。",
  "basics.err.tooManyFromAccount": "您这一小时里已经发送了很多条反馈，请在 {time}（约 {minutes} 分钟后）再试，或者拨打 12385。",
  "basics.err.statusRequired": "请选择处理结果",
  "basics.err.responseRequired": "请写下处理说明",
  "basics.err.responseLong": "处理说明最多 2000 字",
  "basics.err.notFound": "找不到这条反馈",

  // --- handling feedback (admins) ----------------------------------------------------------------------------------
  "basics.admin.nav": "意见反馈",
  "basics.admin.title": "意见反馈处理",
  "basics.admin.lead":
    "用户从网站任何页面发送的意见反馈，由省残联处理。我们承诺：留下联系方式的，在 5 个工作日内答复。属于某个市（州）的事情，请转给当地残联，并在处理说明中写明。",
  "basics.admin.filter.status": "状态",
  "basics.admin.filter.all": "全部（{count}）",
  "basics.admin.filter.new": "待处理（{count}）",
  "basics.admin.filter.answered": "已答复（{count}）",
  "basics.admin.filter.closed": "已关闭（{count}）",
  "basics.admin.list": "反馈列表",
  "basics.admin.count": "共 {total} 条，最新的在前。",
  "basics.admin.empty": "没有这种状态的反馈。",
  "basics.admin.col.received": "收到时间",
  "basics.admin.col.status": "状态",
  "basics.admin.col.contact": "留了联系方式",
  "basics.admin.yes": "是",
  "basics.admin.no": "否",
  "basics.admin.overdue": "（已超过 5 个工作日）",
  "basics.admin.open": "打开反馈 {reference}",

  "basics.status.new": "待处理",
  "basics.status.answered": "已答复",
  "basics.status.closed": "已关闭",
  "basics.kind.barrier": "无障碍障碍",
  "basics.kind.problem": "使用问题",
  "basics.kind.suggestion": "建议",
  "basics.kind.other": "其他",
  "basics.locale.zh-CN": "中文",
  "basics.locale.en": "英文",

  "basics.item.title": "反馈 {reference}",
  "basics.item.back": "返回反馈列表",
  "basics.item.details": "反馈内容",
  "basics.item.received": "收到时间",
  "basics.item.kind": "类型",
  "basics.item.page": "相关页面",
  "basics.item.none": "未填写",
  "basics.item.message": "内容",
  "basics.item.contact": "联系方式",
  "basics.item.noContact": "没有留下联系方式，无法答复。",
  "basics.item.sender": "发送人",
  "basics.item.anonymous": "未登录的访客",
  "basics.item.signedIn": "已登录的用户（{role}）",
  "basics.item.language": "使用的语言",
  "basics.item.status": "状态",
  "basics.item.handled": "最近处理",
  "basics.item.handledBy": "{name}，{time}",
  "basics.item.handledByUnknown": "{time}",
  "basics.item.response": "处理说明",
  "basics.item.audited": "打开这条反馈会记入审计日志。",
  "basics.item.saved": "处理结果已保存。",
  "basics.item.form": "处理这条反馈",
  "basics.item.form.status": "处理结果",
  "basics.item.form.answered": "已答复：已经通过对方留下的联系方式答复",
  "basics.item.form.closed": "关闭：不需要答复，或者无法答复",
  "basics.item.form.response": "处理说明",
  "basics.item.form.response.hint": "写下答复了什么、做了什么，或者为什么关闭。最多 2000 字。",
  "basics.item.form.submit": "保存处理结果",
} as const;
