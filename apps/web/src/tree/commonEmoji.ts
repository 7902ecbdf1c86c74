/** The emoji the page icon picker offers first; any other can be typed or pasted. */
export const commonEmoji: readonly string[] = [
  '📄 📝 📌 📎 📚 📖 🗂️ 📁 📊 📈 🗓️ ⏰ ✅ ☑️ ❗ ❓',
  '💡 🔥 ⭐ 🚀 🎯 🏁 🎉 🏆 🛠️ ⚙️ 🔧 🧪 🐛 🔒 🔑 🧭',
  '💬 📣 👋 🤝 👥 🙋 ❤️ 👍 🌍 🏠 🏢 💰 🧾 📦 🚚 ☕',
]
  .join(' ')
  .split(' ');

/**
 * The icon typed into the picker, if it is one emoji (one grapheme of at most 16 characters,
 * as the server accepts); `null` otherwise.
 */
export function parseIconInput(input: string): string | null {
  const value = input.trim();
  if (value === '' || value.length > 16) return null;
  const segments = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(value)];
  if (segments.length !== 1) return null;
  return /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(value) ? value : null;
}
