import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { explicitLabelText, readAudioFile, readKeyring, verifyLabel } from '../labels/index.js';
import { searchWorks } from '../registry/use-cases/search-works.js';
import { showWork } from '../registry/use-cases/show-work.js';
import { publicWork, seesWholeWork } from '../server/public-work.js';
import { saveUploads } from '../server/save-uploads.js';
import { contextOf } from '../server/server-state.js';
import { formatPercentText } from './locale-format.js';
import { frameOf, renderPage } from './render-page.js';

/** The pages anyone reaches: repertoire search, work pages and label verification. */
export function publicPages(keyFolder: string): FastifyPluginAsync {
  return async (app) => {
    const search = async (request: FastifyRequest, reply: FastifyReply) => {
      const q = String((request.query as { q?: string }).q ?? '').slice(0, 200);
      const hits = q.trim() ? await searchWorks(contextOf(request), q, 20) : [];
      return renderPage(request, reply, 'search', frameOf(request).t('search.title'), { q, hits });
    };
    app.get('/', search);
    app.get('/search', search);

    app.get<{ Params: { work: string } }>('/works/:work', async (request, reply) => {
      const work = await showWork(contextOf(request), request.params.work);
      const { locale } = frameOf(request);
      const whole = seesWholeWork(request.principal, work);
      const shares = whole ? work.shares.map((s) => ({ ...s, percent: formatPercentText((s.collection_bp / 100).toFixed(2), locale) })) : null;
      return renderPage(request, reply, 'work', work.title, { work: publicWork(work), creators: publicWork(work).creators, shares });
    });

    app.get('/verify', async (request, reply) => renderPage(request, reply, 'verify', frameOf(request).t('verify.title'), { result: null }));

    app.post('/verify', async (request, reply) => {
      const uploads = await saveUploads(request, request.server.clef.uploadDir);
      try {
        const v = await verifyLabel(readAudioFile(uploads.paths[0]), readKeyring(keyFolder));
        const r = v.label?.registration;
        const result = {
          status: v.status,
          display: v.aigc ? explicitLabelText(v.aigc.Label, v.aigc.ContentProducer, v.label?.digitalSourceType) : null,
          registration: r ? [r.recordingId, r.isrc, r.recordingTitle, r.workId, r.workTitle].filter(Boolean).join(' · ') : null,
          problems: v.problems,
        };
        return renderPage(request, reply, 'verify', frameOf(request).t('verify.title'), { result });
      } finally {
        uploads.remove();
      }
    });
  };
}
