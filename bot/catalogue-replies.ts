import type { CatalogueProcedure } from '../knowledge-base/catalogue/types.ts';
import { catalogueChoice } from '../knowledge-base/catalogue/types.ts';
import { placeholderValues, renderTemplate } from '../knowledge-base/render.ts';
import type { SiteConfig } from './site-config.ts';
import type { ChoiceOption, Reply } from './types.ts';

/**
 * Replies about official procedures we hold no vetted entry for. They say only what the register records
 * (name, code, agency, level, field, link) and send the resident to the one-stop desk for the rest: no
 * documents, fees or deadlines are made up from a name.
 */

// Agency lists in the register can run to a paragraph: a reply shows the first ones.
const MAX_AGENCY = 140;
const SHORT_NAME = 60;

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const at = Math.max(cut.lastIndexOf(', '), cut.lastIndexOf(' '));
  return `${(at > max / 2 ? cut.slice(0, at) : cut).replace(/[\s,;:(]+$/, '')}…`;
}

const levelWords = (level: string): string => (level === '' ? 'không ghi rõ cấp' : level.toLowerCase());
/**
 * A register's text without its closing stop, so the reply's own punctuation may follow: 110 agency texts end
 * "..., thị trấn." and 80 procedure names end with a full stop (two with two: "... nhà thầu nước ngoài..").
 */
const bare = (text: string): string => text.trim().replace(/[\s.;,]+$/, '');
const agencyWords = (agency: string): string => (bare(agency) === '' ? 'cơ quan có thẩm quyền (hồ sơ chưa ghi rõ)' : clip(bare(agency), MAX_AGENCY));

export function createCatalogueReplies(site: SiteConfig) {
  const fill = (template: string): string => renderTemplate(template, placeholderValues(site));
  const portalHost = site.nationalPortalUrl.replace(/^https?:\/\//, '').replace(/\/$/, '');
  const deskShort = site.hotline ? `hoi bo phan mot cua UBND xa/phuong hoac goi ${site.hotline}` : 'hoi bo phan mot cua UBND xa/phuong';

  const option = (p: CatalogueProcedure): ChoiceOption => ({
    value: catalogueChoice(p.code),
    title: `${clip(bare(p.name), 90)} (mã ${p.code})`,
    short: `${p.code} ${clip(bare(p.name), SHORT_NAME)}`,
  });

  const procedureLine = (p: CatalogueProcedure): string =>
    `${bare(p.name)} - mã ${p.code}; ${agencyWords(p.agency)}, ${levelWords(p.level)}.${p.url ? ` Xem: ${p.url}` : ''}`;
  /** "No detailed guidance here; the closest official procedures are:" with the lines given, and where to ask. */
  const closest = (procedures: readonly CatalogueProcedure[], lines: readonly string[], shortCodes: string): Reply => ({
    kind: 'text',
    text: fill('Dạ, hiện tôi chưa có hướng dẫn chi tiết cho việc này. Các thủ tục hành chính chính thức gần nhất với câu hỏi của bạn là:\n' +
      lines.join('\n') +
      // {{contact}} names the one-stop desk (and the hotline or the portal): said once, not twice.
      `\nHồ sơ, lệ phí và thời hạn cụ thể có trên trang chính thức của thủ tục${procedures.every((p) => p.url !== '') ? ' (đường dẫn ở trên)' : ''}. {{contact}}`),
    short: `Chua co huong dan chi tiet cho viec nay. Thu tuc chinh thuc gan nhat: ${shortCodes}. Tra cuu ma tren ${portalHost} hoac ${deskShort}.`,
  });

  return {
    /** The closest official procedures, numbered; a number (or a tap) gives that procedure's details. */
    offer(procedures: readonly CatalogueProcedure[]): Reply[] {
      return [
        closest(procedures, procedures.map((p, i) => `${i + 1}) ${procedureLine(p)}`), procedures.map((p, i) => `${i + 1}) ${p.code}`).join(' ')),
        { kind: 'choices', text: 'Bạn chọn số để xem thông tin thủ tục:', options: procedures.map(option) },
      ];
    },

    /**
     * The same procedures listed without numbers, for a question sent beside a report's step (whose own options a
     * number picks): each line already carries what the details would (code, agency, level, link).
     */
    listed(procedures: readonly CatalogueProcedure[]): Reply[] {
      return [closest(procedures, procedures.map((p) => `• ${procedureLine(p)}`), `ma ${procedures.map((p) => p.code).join(', ')}`)];
    },

    /** One procedure as the register records it. */
    details(p: CatalogueProcedure): Reply[] {
      return [
        {
          kind: 'text',
          text: fill(`Thủ tục: ${bare(p.name)}\n• Mã thủ tục: ${p.code}\n• Cơ quan thực hiện: ${p.agency === '' ? 'hồ sơ chưa ghi rõ' : p.agency}\n` +
            `• Cấp thực hiện: ${p.level === '' ? 'hồ sơ chưa ghi rõ' : p.level}\n` +
            (p.field === '' ? '' : `• Lĩnh vực: ${p.field}\n`) +
            (p.url === '' ? '' : `• Thông tin chính thức (hồ sơ, lệ phí, thời hạn): ${p.url}\n`) +
            `Tôi chưa có hướng dẫn chi tiết cho thủ tục này${p.url === '' ? '' : '; bạn vui lòng xem trang chính thức ở trên'}. {{contact}}`),
          short: `TTHC ${p.code}: ${clip(bare(p.name), 90)}. Co quan: ${clip(bare(p.agency) || 'chua ghi ro', 50)}; ${clip(p.level || 'chua ghi ro cap', 30)}.` +
            (p.url === '' ? ` Tra cuu ma tren ${portalHost}.` : ` Chi tiet: ${p.url}`),
        },
      ];
    },

    /** Neither ours nor an official procedure (or not about a procedure: fines, what the law allows). */
    notCovered(): Reply[] {
      return [
        {
          kind: 'text',
          text: fill('Dạ, xin lỗi, câu hỏi này nằm ngoài những gì tôi có thể trả lời chính xác: tôi hướng dẫn thủ tục hành chính, ' +
            'không giải đáp mức xử phạt hay tư vấn pháp luật. Bạn có thể tìm thủ tục trong mục "Thủ tục hành chính" trên {{nationalPortal}}, ' +
            'hoặc hỏi trực tiếp bộ phận một cửa UBND xã/phường nơi cư trú. {{contact}}'),
          short: `Xin loi, cau hoi nay ngoai pham vi tro ly (chi huong dan thu tuc hanh chinh). Tra cuu tai ${portalHost} hoac ${deskShort}.`,
        },
      ];
    },
  };
}

export type CatalogueReplies = ReturnType<typeof createCatalogueReplies>;
