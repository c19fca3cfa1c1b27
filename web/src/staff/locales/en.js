// Staff entry messages, English.
export default {
  staff: {
    product: 'lizheng workbench',
    tagline: '12345 government service hotline',
    portal: 'Back to the citizen portal',
    skipToContent: 'Skip to content',
    nav: { label: 'Main navigation', workbench: 'Workbench', dashboard: 'Leader dashboard' },
    calendarMissing: { title: 'No working calendar for {year} ({jurisdiction})' },
    signOut: 'Sign out',
    signIn: {
      heading: 'Staff sign-in',
      username: 'User name',
      password: 'Password',
      submit: 'Sign in',
      submitting: 'Signing in…',
      usernameRequired: 'Please enter your user name',
      passwordRequired: 'Please enter your password',
      errors: {
        unauthenticated: 'The user name or the password is wrong.',
        not_found: 'The user name or the password is wrong.',
        too_many_requests: 'Too many failed sign-ins. Please try again in 15 minutes.',
      },
    },
  },
}
