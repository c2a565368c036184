/**
 * Strings of issue 14 on the profile and matching side of training: training needs (分类掌握培训需求), the
 * poor-household flag (建档立卡贫困户), certificates on the profile, certificates a vacancy asks for, and the courses a
 * counselor sees for their caseload. Chinese first; en must have every key.
 */
export const zh = {
  // Training needs (the skills step)
  "trainingProfile.needs.legend": "想参加的培训",
  "trainingProfile.needs.hint": "勾选您想学的内容，就业服务机构会据此为您推荐培训。可以多选，也可以不选。",
  "trainingProfile.kind.urban_vocational": "城镇职业技能培训（如电脑、手工、烹饪等手艺）",
  "trainingProfile.kind.rural_practical": "农村实用技术培训（如种植、养殖、农产品加工）",
  "trainingProfile.kind.blind_health_massage": "盲人保健按摩",
  "trainingProfile.kind.blind_medical_massage": "盲人医疗按摩",
  "trainingProfile.kind.entrepreneurship": "创业培训（开店、办合作社、网店）",
  "trainingProfile.kind.online_remote": "网络就业和远程办公",
  "trainingProfile.kind.continuing_education": "继续教育（学历、证书课程）",
  "trainingProfile.kindShort.urban_vocational": "城镇职业技能",
  "trainingProfile.kindShort.rural_practical": "农村实用技术",
  "trainingProfile.kindShort.blind_health_massage": "盲人保健按摩",
  "trainingProfile.kindShort.blind_medical_massage": "盲人医疗按摩",
  "trainingProfile.kindShort.entrepreneurship": "创业",
  "trainingProfile.kindShort.online_remote": "网络就业和远程办公",
  "trainingProfile.kindShort.continuing_education": "继续教育",
  "trainingProfile.err.unknownKind": "请从列表中选择培训类别。",

  // Poor household (the family step)
  "trainingProfile.poor.label": "建档立卡贫困户",
  "trainingProfile.poor.hint": "您家被当地政府登记为建档立卡贫困户。这会帮助您优先参加农村实用技术培训等帮扶项目。",
  "trainingProfile.poor.consent.legend": "同意处理贫困户信息",
  "trainingProfile.poor.consent.text": "贫困户信息只给您本人和为您服务的就业指导员看，用于安排帮扶和培训、统计培训人数。用人单位看不到。您随时可以取消勾选，信息会被删除。",
  "trainingProfile.poor.consent.label": "我同意黔程按上述用途处理我家是建档立卡贫困户这一信息",
  "trainingProfile.poor.consent.given": "您已于 {time} 同意。",
  "trainingProfile.err.poorConsentRequired": "勾选了建档立卡贫困户，请同时勾选同意处理这一信息；不同意就不要勾选贫困户。",
  "trainingProfile.field.poorHousehold": "建档立卡贫困户",
  "trainingProfile.field.trainingNeeds": "想参加的培训",

  // Certificates on the profile
  "trainingProfile.certs.title": "培训证书",
  "trainingProfile.certs.lead": "这些是您参加培训后获得的证书。勾选“在档案中展示”的证书会用于为您匹配岗位：要求这个证书的岗位会认为您符合要求。",
  "trainingProfile.certs.none": "您还没有培训证书。参加培训并结业后，证书会出现在这里。",
  "trainingProfile.certs.manage": "选择展示哪些证书",
  "trainingProfile.certs.pageTitle": "选择展示的培训证书",
  "trainingProfile.certs.legend": "在档案中展示的证书",
  "trainingProfile.certs.hint": "勾选要展示的证书。未勾选的证书只有您自己看得到，也不用于匹配岗位。",
  "trainingProfile.certs.save": "保存",
  "trainingProfile.certs.saved": "已保存展示的证书。",
  "trainingProfile.certs.shown": "在档案中展示",
  "trainingProfile.certs.hidden": "不展示",
  "trainingProfile.certs.issued": "{issuer} · {date} 颁发",
  "trainingProfile.certs.level": "等级：{level}",
  "trainingProfile.certs.back": "返回我的档案",
  "trainingProfile.certs.kind.vocational_qualification": "职业资格证书",
  "trainingProfile.certs.kind.skill_level": "职业技能等级证书",
  "trainingProfile.certs.kind.special_operation": "特种作业证",
  "trainingProfile.certs.kind.training_completion": "培训结业证书",
  "trainingProfile.certs.kind.other": "其他证书",
  "trainingProfile.err.unknownCertificate": "请从列表中选择证书。",

  // Vacancies asking for certificates
  "trainingProfile.vacancy.certificates": "要求的证书",
  "trainingProfile.vacancy.certificates.hint": "选填。只写这个岗位必须有的证书，例如：保健按摩师。用逗号、顿号隔开，最多 {max} 项。没有这个证书的求职者会被告知不符合。",
  "trainingProfile.vacancy.certificatesNone": "不要求证书",
  "trainingProfile.err.certificatesLong": "要求的证书写得太长了，请缩短。",
  "trainingProfile.err.certificateLong": "每个证书名称不超过 {max} 个字。",
  "trainingProfile.err.certificatesMany": "要求的证书最多 {max} 项。",
  "trainingProfile.reason.certificatesMissing": "岗位要求的证书您还没有：{list}",

  // The counselor's courses for the caseload
  "trainingProfile.courses.title": "适合服务对象的培训",
  "trainingProfile.courses.lead": "按服务对象想参加的培训和所在地，列出已发布的课程：同一市州的课程和线上课程。",
  "trainingProfile.courses.link": "适合服务对象的培训",
  "trainingProfile.courses.empty": "您的服务对象都还没有填写想参加的培训。",
  "trainingProfile.courses.needs": "想参加：{list}",
  "trainingProfile.courses.place": "所在地：{place}",
  "trainingProfile.courses.placeUnknown": "所在地：未填写（只列出线上课程）",
  "trainingProfile.courses.none": "暂时没有符合的课程。",
  "trainingProfile.courses.online": "线上",
  "trainingProfile.courses.dates": "{from} 至 {to}",
} as const;
