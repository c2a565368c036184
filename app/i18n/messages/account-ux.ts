/** Strings of the account-ux area (issue 15): the privacy notice at registration and the readable data export. */
export const zh = {
  "accountUx.privacy.title": "我们如何使用您的信息",
  "accountUx.privacy.collect": "收集什么：您选择的身份，手机号或电子邮箱，以及密码。密码只保存加密后的形式，任何人都看不到原文。",
  "accountUx.privacy.why": "为什么：让您登录黔程，并让为您办理业务的工作人员能联系到您。",
  "accountUx.privacy.who":
    "谁能看到：您本人；残联和就业服务机构的工作人员，在为您办理业务时；招聘人员的联系方式，同一单位的成员也能看到。求职者的联系方式，只有在您申请岗位时自己选择提供，用人单位才能看到。",
  "accountUx.privacy.sensitive": "注册时不收集残疾情况等敏感个人信息；以后填写时，会单独征求您的同意。",
  "accountUx.privacy.link": "阅读完整的隐私说明",
} as const;
