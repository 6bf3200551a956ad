// The decision notice's deciding office and objection routes as this region sets them (lib/dal/region-settings.ts):
// value, source, time of the last change, 演示 where seeded. Its own block, apart from the time limits.
import { OBJECTION_SETTING_KEYS, type ObjectionSettings } from '@/lib/dal/region-settings';
import { formatDateTime } from '@/lib/format';

export function ObjectionSettingsBlock({ settings }: { settings: ObjectionSettings }) {
  const rows = (Object.keys(OBJECTION_SETTING_KEYS) as (keyof ObjectionSettings)[]).map((k) => ({ k, label: OBJECTION_SETTING_KEYS[k].label, s: settings[k] }));
  return (
    <section aria-labelledby="objection-h" className="space-y-3" data-testid="objection-settings">
      <h2 id="objection-h" className="text-xl font-bold">
        决定书上的异议途径（本地区设置）
      </h2>
      <p className="text-sm text-muted">
        文件没有规定这些：决定书按这里的设置写出作出决定的机构、复核期限、行政复议机关和人民法院。行政复议 60 日（《中华人民共和国行政复议法》第二十条）和行政诉讼 6 个月（《中华人民共和国行政诉讼法》第四十六条）是法律规定的期限，不在这里设置。
      </p>
      <ul className="space-y-2">
        {rows.map(({ k, label, s }) => (
          <li key={k} className="card">
            <p className="font-semibold">{label}</p>
            {s ? (
              <p>
                <strong>{k === 'reviewDays' ? `${s.value} 日` : s.value}</strong>
                {s.demo ? <span className="ml-2 inline-block rounded bg-amber-100 px-2 py-0.5 text-sm font-semibold text-amber-900">演示数据</span> : null}
                <span className="block text-sm text-muted">
                  依据：{s.source} · 最后修改 {formatDateTime(s.updatedAt)}
                </span>
              </p>
            ) : (
              <p className="font-semibold text-bad">尚未设定（决定书上写“请向作出决定的机构询问”）</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
