import MoreVertIcon from '@mui/icons-material/MoreVert';
import ViewListIcon from '@mui/icons-material/ViewList';
import {
  Alert, Box, Button, IconButton, Link, Menu, MenuItem, Paper, Snackbar, Stack, TextField, Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { useOwners } from '../customers/api';
import { useCan } from '../shell/can';
import { requestActions } from './actions';
import { boardColumns, canDrop, laterSla, menuTargets, type Dragged } from './board';
import { OPEN_STATUSES, type RequestStatus, type ServiceRequest, type Summary } from './types';
import { PriorityChip, SlaChip, TransitionDialog, type PendingMove } from './ui';
import { requestsApi, requestKeys, useServiceTypes, useRequestSettings } from './api';

/** The board shows at most this many open requests, the most urgent first; filters narrow it down. */
const BOARD_SIZE = 200;

const detailsQuery = (id: string) => ({
  queryKey: requestKeys.one(id),
  queryFn: () => requestsApi.get(id),
  staleTime: 5_000,
});

/**
 * The open requests in columns by status. A card is dragged (or moved with its "Move to…" menu) to
 * another column; the legal moves come from the server (`GET /{id}`, fetched when the pointer or the
 * focus reaches the card), and only those columns accept the drop.
 */
export default function BoardPage() {
  const { t } = useTranslation();
  const can = useCan();
  const client = useQueryClient();
  const settings = useRequestSettings();
  const types = useServiceTypes();
  const owners = useOwners();
  // the filters live in the address, so a filtered board can be bookmarked and shared
  const [search, setSearch] = useSearchParams();
  const serviceTypeId = search.get('serviceTypeId') ?? '';
  const ownerId = search.get('ownerId') ?? '';
  const setFilter = (key: string, value: string) => setSearch((prev) => {
    const next = new URLSearchParams(prev);
    if (value) next.set(key, value); else next.delete(key);
    return next;
  }, { replace: true });
  const params = new URLSearchParams({ size: String(BOARD_SIZE), sort: 'priority' });
  OPEN_STATUSES.forEach((s) => params.append('status', s));
  if (serviceTypeId) params.set('serviceTypeId', serviceTypeId);
  if (ownerId) params.set('ownerId', ownerId);
  const board = useQuery({
    queryKey: requestKeys.board(serviceTypeId, ownerId),
    queryFn: () => requestsApi.search(params),
  });
  const [dragged, setDragged] = useState<Dragged | null>(null);
  const [over, setOver] = useState<RequestStatus | null>(null);
  const [pending, setPending] = useState<PendingMove | null>(null);
  const [moved, setMoved] = useState<string | null>(null);
  const editable = can('servicerequests:edit');

  const cards = board.data?.items ?? [];
  const { open, closed } = boardColumns(settings.data?.approvalRequired ?? false, cards.map((c) => c.status));

  const startDrag = (e: DragEvent, card: Summary) => {
    e.dataTransfer.setData('text/plain', card.id);
    e.dataTransfer.effectAllowed = 'move';
    const known = client.getQueryData<ServiceRequest>(requestKeys.one(card.id));
    setDragged({ id: card.id, from: card.status, allowed: known?.status === card.status ? requestActions(known, can).moves : undefined });
    void client.fetchQuery(detailsQuery(card.id)).then((r) =>
      setDragged((d) => (d?.id === card.id ? { ...d, from: r.status, allowed: requestActions(r, can).moves } : d)));
  };
  const endDrag = () => { setDragged(null); setOver(null); };
  const dropProps = (status: RequestStatus) => ({
    onDragOver: (e: DragEvent) => {
      if (!canDrop(dragged, status)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      if (over !== status) setOver(status);
    },
    onDragLeave: () => setOver((o) => (o === status ? null : o)),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      const card = cards.find((c) => c.id === dragged?.id);
      if (card && canDrop(dragged, status)) setPending({ id: card.id, number: card.number, to: status });
      endDrag();
    },
    'data-droppable': dragged ? String(canDrop(dragged, status)) : undefined,
  });
  const columnSx = (status: RequestStatus) => ({
    borderRadius: 1, border: 2, borderStyle: 'dashed', transition: 'opacity .15s',
    borderColor: over === status ? 'primary.main' : dragged && canDrop(dragged, status) ? 'primary.light' : 'transparent',
    opacity: dragged && dragged.allowed && !canDrop(dragged, status) && dragged.from !== status ? 0.45 : 1,
  });

  return (
    <Box>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 1, alignItems: { sm: 'center' } }}>
        <Typography variant="h4" component="h1" sx={{ flexGrow: 1 }}>{t('servicerequests.board')}</Typography>
        <Button variant="outlined" startIcon={<ViewListIcon />} component={RouterLink} to="/requests">{t('servicerequests.list')}</Button>
      </Stack>
      <Typography color="text.secondary" variant="body2" sx={{ mb: 2 }}>{t('servicerequests.dragHint')}</Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ mb: 2 }}>
        <TextField select size="small" label={t('servicerequests.type')} value={serviceTypeId} sx={{ minWidth: 220 }}
          onChange={(e) => setFilter('serviceTypeId', e.target.value)} data-testid="board-type">
          <MenuItem value="">{t('servicerequests.any')}</MenuItem>
          {(types.data ?? []).map((ty) => <MenuItem key={ty.id} value={ty.id}>{ty.name}</MenuItem>)}
        </TextField>
        <TextField select size="small" label={t('servicerequests.owner')} value={ownerId} sx={{ minWidth: 220 }}
          onChange={(e) => setFilter('ownerId', e.target.value)} data-testid="board-owner">
          <MenuItem value="">{t('servicerequests.any')}</MenuItem>
          {(owners.data ?? []).map((o) => <MenuItem key={o.id} value={o.id}>{o.fullName}</MenuItem>)}
        </TextField>
      </Stack>
      {board.error && <Alert severity="error">{(board.error as Error).message}</Alert>}
      {board.data && board.data.total > cards.length && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="board-truncated">
          {t(board.data.totalEstimated ? 'servicerequests.boardTruncatedAbout' : 'servicerequests.boardTruncated',
            { shown: cards.length, total: board.data.total })}
        </Alert>
      )}
      <Box sx={{ display: 'flex', gap: 1.5, overflowX: 'auto', pb: 2, alignItems: 'stretch' }}>
        {open.map((status) => {
          const inColumn = cards.filter((c) => c.status === status);
          return (
            <Box key={status} component="section" aria-labelledby={`col-${status}`} data-testid={`column-${status}`}
              {...dropProps(status)}
              sx={{ flex: '0 0 272px', bgcolor: 'action.hover', p: 1, minHeight: '60vh', ...columnSx(status) }}>
              <Stack direction="row" sx={{ alignItems: 'baseline', mb: 1, px: 0.5 }}>
                <Typography id={`col-${status}`} variant="subtitle2" component="h2" sx={{ flexGrow: 1 }}>
                  {t(`servicerequests.statuses.${status}`)}
                </Typography>
                <Typography variant="caption" color="text.secondary" aria-label={t('servicerequests.cards', { count: inColumn.length })}>
                  {inColumn.length}
                </Typography>
              </Stack>
              <Stack spacing={1}>
                {inColumn.map((card) => (
                  <Card key={card.id} card={card} editable={editable} dragging={dragged?.id === card.id}
                    onDragStart={(e) => startDrag(e, card)} onDragEnd={endDrag}
                    onMove={(to) => setPending({ id: card.id, number: card.number, to })} />
                ))}
              </Stack>
            </Box>
          );
        })}
        <Stack spacing={1.5} sx={{ flex: '0 0 200px' }}>
          {closed.map((status) => (
            <Box key={status} data-testid={`column-${status}`} {...dropProps(status)}
              sx={{ p: 1.5, bgcolor: 'action.hover', minHeight: 96, display: 'grid', placeItems: 'center', textAlign: 'center', ...columnSx(status) }}>
              <Box>
                <Typography variant="subtitle2" component="h2">{t(`servicerequests.statuses.${status}`)}</Typography>
                {dragged && canDrop(dragged, status) && <Typography variant="caption">{t('servicerequests.dropHere')}</Typography>}
              </Box>
            </Box>
          ))}
          <Typography variant="caption" color="text.secondary">
            <Link component={RouterLink} to="/requests">{t('servicerequests.closedHint')}</Link>
          </Typography>
        </Stack>
      </Box>
      {pending && (
        <TransitionDialog move={pending} onClose={(done) => {
          setPending(null);
          if (done) setMoved(t('servicerequests.moved', { number: done.number, status: t(`servicerequests.statuses.${done.status}`) }));
        }} />
      )}
      <Snackbar open={!!moved} autoHideDuration={4000} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }} onClose={() => setMoved(null)} message={moved} />
    </Box>
  );
}

function Card({ card, editable, dragging, onDragStart, onDragEnd, onMove }: {
  card: Summary; editable: boolean; dragging: boolean;
  onDragStart(e: DragEvent): void; onDragEnd(): void; onMove(to: RequestStatus): void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const [wanted, setWanted] = useState(false);
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  // the legal moves, asked of the server as soon as the card is pointed at or focused
  const details = useQuery({ ...detailsQuery(card.id), enabled: wanted && editable });
  const allowed = details.data?.status === card.status ? requestActions(details.data, can).moves : undefined;
  const targets = allowed ? menuTargets({ id: card.id, from: card.status, allowed }) : [];
  // the list carries the SLA status as last stored, the request as computed when it was read: show the later one
  const live = allowed ? details.data?.sla : undefined;
  const responseSla = laterSla(card.responseSla, live?.find((c) => c.clock === 'RESPONSE')?.status);
  const resolutionSla = laterSla(card.resolutionSla, live?.find((c) => c.clock === 'RESOLUTION')?.status);
  return (
    <Paper variant="outlined" draggable={editable} onDragStart={onDragStart} onDragEnd={onDragEnd}
      onPointerEnter={() => setWanted(true)} onFocus={() => setWanted(true)}
      data-testid={`card-${card.number}`} data-moves={allowed ? 'ready' : 'loading'}
      sx={{ p: 1.25, cursor: editable ? 'grab' : 'default', opacity: dragging ? 0.5 : 1 }}>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Link component={RouterLink} to={`/requests/${card.id}`} variant="subtitle2" sx={{ flexGrow: 1 }} draggable={false}>
          {card.number}
        </Link>
        <PriorityChip priority={card.priority} />
        {editable && (
          <IconButton size="small" aria-label={t('servicerequests.moveMenu', { number: card.number })} aria-haspopup="menu"
            onClick={(e) => { setWanted(true); setMenu(e.currentTarget); }} data-testid={`move-${card.number}`}>
            <MoreVertIcon fontSize="small" />
          </IconButton>
        )}
      </Stack>
      <Typography variant="body2" noWrap title={card.customerName}>{card.customerName}</Typography>
      <Typography variant="caption" color="text.secondary" component="p" noWrap>{card.serviceTypeName}</Typography>
      <Stack direction="row" spacing={0.5} sx={{ mt: 0.75, flexWrap: 'wrap', gap: 0.5 }}>
        <SlaChip clock="RESPONSE" status={responseSla} data-testid={`sla-response-${card.number}`} />
        <SlaChip clock="RESOLUTION" status={resolutionSla} data-testid={`sla-resolution-${card.number}`} />
      </Stack>
      <Menu anchorEl={menu} open={!!menu} onClose={() => setMenu(null)}>
        <MenuItem disabled divider>{t('servicerequests.moveTo')}</MenuItem>
        {!allowed && <MenuItem disabled>{t('servicerequests.loadingMoves')}</MenuItem>}
        {allowed && targets.length === 0 && <MenuItem disabled>{t('servicerequests.noMoves')}</MenuItem>}
        {targets.map((s) => (
          <MenuItem key={s} onClick={() => { setMenu(null); onMove(s); }}>{t(`servicerequests.statuses.${s}`)}</MenuItem>
        ))}
      </Menu>
    </Paper>
  );
}
