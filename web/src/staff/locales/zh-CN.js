// Staff entry messages, Simplified Chinese.
export default {
  staff: {
    product: '理政工作台',
    tagline: '12345 政务服务便民热线',
    portal: '返回市民诉求平台',
    skipToContent: '跳到正文',
    nav: { label: '主导航', workbench: '工作台', dashboard: '领导驾驶舱' },
    calendarMissing: { title: '缺少 {year} 年工作日历（{jurisdiction}）' },
    signOut: '退出登录',
    signIn: {
      heading: '工作人员登录',
      username: '用户名',
      password: '密码',
      submit: '登录',
      submitting: '正在登录…',
      usernameRequired: '请输入用户名',
      passwordRequired: '请输入密码',
      errors: {
        unauthenticated: '用户名或密码不正确。',
        not_found: '用户名或密码不正确。',
        too_many_requests: '登录失败次数过多，请15分钟后再试。',
      },
    },
  },
}
